-- A unit's workload: open cases per técnica (null: not yet assigned), how many overdue and at risk.
SELECT agent_id AS AgentId, COUNT(*) AS OpenCases,
    SUM(CASE WHEN sla_state = 'Breached' THEN 1 ELSE 0 END) AS Overdue,
    SUM(CASE WHEN sla_state = 'AtRisk' THEN 1 ELSE 0 END) AS AtRisk
FROM dbo.cases
WHERE unit_code = @UnitCode AND is_open = 1
    AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
GROUP BY agent_id
ORDER BY COUNT(*) DESC
OPTION (RECOMPILE);
