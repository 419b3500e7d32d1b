-- A region wall's units by their open work, the most overdue first.
SELECT unit_code AS UnitCode, COUNT(*) AS OpenCases,
    SUM(CASE WHEN sla_state = 'Breached' THEN 1 ELSE 0 END) AS Overdue,
    SUM(CASE WHEN sla_state = 'AtRisk' THEN 1 ELSE 0 END) AS AtRisk
FROM cases
WHERE is_open = 1
    AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
GROUP BY unit_code
ORDER BY Overdue DESC, OpenCases DESC, unit_code
LIMIT @Limit;
