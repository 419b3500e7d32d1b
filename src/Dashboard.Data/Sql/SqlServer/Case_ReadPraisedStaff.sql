-- The recognition wall: compliments per praised person over a period, most first. A técnica of the catalogue by her id;
-- someone not in it by her name as grouped (praised_name_key), role and unit. Compliments that name nobody are not
-- here (Case_ReadComplimentsByUnit counts them apart), and never go to the técnica the case was assigned to.
SELECT TOP (@Limit) unit_code AS UnitCode, region_code AS RegionCode, praised_agent_id AS AgentId, MAX(praised_name) AS Name, praised_role AS Role,
    COUNT(*) AS Compliments, MAX(opened_at_utc) AS LastAt
FROM dbo.cases
WHERE kind = 'Compliment' AND opened_at_utc >= @From AND opened_at_utc < @To
    AND (praised_agent_id IS NOT NULL OR (@AgentsOnly = 0 AND praised_name_key IS NOT NULL))
    AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
GROUP BY unit_code, region_code, praised_agent_id, praised_name_key, praised_role
ORDER BY COUNT(*) DESC, MAX(opened_at_utc) DESC
OPTION (RECOMPILE);
