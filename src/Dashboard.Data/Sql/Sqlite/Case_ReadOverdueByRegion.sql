-- Open and overdue cases per region, for the wall's colour grid, from the summary's counters (case_counts).
SELECT region_code AS RegionCode, SUM(cases) AS OpenCases, SUM(CASE WHEN sla_state = 'Breached' THEN cases ELSE 0 END) AS Overdue
FROM case_counts
WHERE is_open = 1
    AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
GROUP BY region_code
HAVING SUM(cases) > 0;
