-- The newest compliments of a period and whom they praise (no summary: the wall carries no words of the insured person).
SELECT case_id AS CaseId, unit_code AS UnitCode, praised_agent_id AS AgentId, praised_name AS Name, praised_role AS Role, opened_at_utc AS OpenedAt
FROM cases
WHERE kind = 'Compliment' AND opened_at_utc >= @From AND opened_at_utc < @To
    AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
ORDER BY opened_at_utc DESC
LIMIT @Limit;
