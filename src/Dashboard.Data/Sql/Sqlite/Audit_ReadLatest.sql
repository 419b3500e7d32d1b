SELECT a.id AS Id, a.at_utc AS At, a.actor AS Actor, a.role AS Role, a.scope AS Scope, a.action AS Action, a.case_id AS CaseId, a.outcome AS Outcome, a.correlation_id AS CorrelationId, a.detail AS Detail
FROM audit_log a
WHERE (@CaseId IS NULL OR a.case_id = @CaseId)
    AND (@Actor IS NULL OR a.actor = @Actor)
ORDER BY a.id DESC
LIMIT @Limit;
