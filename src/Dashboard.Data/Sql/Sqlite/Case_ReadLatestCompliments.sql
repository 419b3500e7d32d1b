-- The newest compliments (no summary: the wall carries no words of the insured person).
SELECT case_id AS CaseId, unit_code AS UnitCode, agent_id AS AgentId, opened_at_utc AS OpenedAt
FROM cases
WHERE kind = 'Compliment' AND opened_at_utc >= @Since AND (@RegionCode IS NULL OR region_code = @RegionCode)
    AND (@UnitCode IS NULL OR unit_code = @UnitCode)
ORDER BY opened_at_utc DESC
LIMIT @Limit;
