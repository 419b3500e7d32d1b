INSERT INTO dbo.audit_log (at_utc, actor, role, scope, action, case_id, outcome, correlation_id, detail)
VALUES (@At, @Actor, @Role, @Scope, @Action, @CaseId, @Outcome, @CorrelationId, @Detail);
