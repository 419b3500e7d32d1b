-- Every access to any case of one insured person. The link lives in the cases table, so once retention has erased
-- the identifier from a closed case, its accesses can no longer be tied to the person either, as the law intends.
SELECT TOP (@Limit) a.id AS Id, a.at_utc AS At, a.actor AS Actor, a.role AS Role, a.scope AS Scope, a.action AS Action, a.case_id AS CaseId, a.outcome AS Outcome, a.correlation_id AS CorrelationId, a.detail AS Detail
FROM dbo.audit_log a
WHERE a.case_id IN (SELECT c.case_id FROM dbo.cases c WHERE c.insured_id = @InsuredId)
ORDER BY a.id DESC;
