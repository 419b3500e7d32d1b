-- The recognition wall: compliments per técnica and unit since a date, most first.
SELECT TOP (@Limit) unit_code AS UnitCode, agent_id AS AgentId, COUNT(*) AS Compliments, MAX(opened_at_utc) AS LastAt
FROM dbo.cases
WHERE kind = 'Compliment' AND opened_at_utc >= @Since AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
GROUP BY unit_code, agent_id
ORDER BY COUNT(*) DESC, MAX(opened_at_utc) DESC
OPTION (RECOMPILE);
