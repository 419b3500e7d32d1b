-- Open and overdue cases per region, for the wall's colour grid.
SELECT region_code AS RegionCode, COUNT(*) AS OpenCases, SUM(CASE WHEN sla_state = 'Breached' THEN 1 ELSE 0 END) AS Overdue
FROM dbo.cases
WHERE is_open = 1 AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
GROUP BY region_code
OPTION (RECOMPILE);
