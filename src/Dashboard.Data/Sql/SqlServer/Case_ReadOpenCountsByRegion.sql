-- Every region within the scope with its units and open cases (the regions page), the cases from the summary's
-- counters (case_counts).
SELECT r.code AS RegionCode, r.name AS RegionName, r.institution AS Institution,
    (SELECT COUNT(*) FROM dbo.units u WHERE u.region_code = r.code AND (@ScopeUnitCode IS NULL OR u.code = @ScopeUnitCode)) AS Units,
    COALESCE(c.open_cases, 0) AS OpenCases,
    COALESCE(c.open_complex, 0) AS OpenComplex
FROM dbo.regions r
LEFT JOIN (
    SELECT region_code, SUM(cases) AS open_cases, SUM(CASE WHEN is_complex = 1 THEN cases ELSE 0 END) AS open_complex
    FROM dbo.case_counts
    WHERE is_open = 1 AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
    GROUP BY region_code
) c ON c.region_code = r.code
WHERE (@ScopeRegionCode IS NULL OR r.code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR r.institution = @ScopeInstitution)
    AND (@ScopeUnitCode IS NULL OR EXISTS (SELECT 1 FROM dbo.units u2 WHERE u2.region_code = r.code AND u2.code = @ScopeUnitCode))
ORDER BY r.institution, r.name
OPTION (RECOMPILE);
