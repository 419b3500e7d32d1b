-- The units with the most overdue complex cases right now, from the summary's counters (case_counts).
SELECT TOP (@Limit) unit_code AS UnitCode, region_code AS RegionCode, SUM(cases) AS Cases
FROM dbo.case_counts
WHERE is_open = 1 AND is_complex = 1 AND sla_state = 'Breached'
    AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
GROUP BY unit_code, region_code
HAVING SUM(cases) > 0
ORDER BY SUM(cases) DESC, unit_code
OPTION (RECOMPILE);
