-- The caller's scope (@Scope…) and the query's filters are ANDed: a filter can narrow the scope, never widen it.
SELECT case_id AS CaseId, unit_code AS UnitCode, region_code AS RegionCode, institution AS Institution, kind AS Kind,
    channel AS Channel, category AS Category, priority AS Priority, is_complex AS Complex, status AS Status,
    escalation_level AS EscalationLevel, agent_id AS AgentId, insured_id AS InsuredId, pause_reason AS PauseReason,
    opened_at_utc AS OpenedAt, resolved_at_utc AS ResolvedAt, closed_at_utc AS ClosedAt, updated_at_utc AS UpdatedAt,
    last_sequence AS LastSequence,
    sla_policy AS SlaPolicy, sla_state AS SlaState, first_response_due_utc AS FirstResponseDueAt,
    first_response_warn_utc AS FirstResponseWarnAt, first_response_warned_utc AS FirstResponseWarnedAt, first_response_met_utc AS FirstResponseMetAt,
    first_response_breached_utc AS FirstResponseBreachedAt, resolution_due_utc AS ResolutionDueAt, resolution_warn_utc AS ResolutionWarnAt,
    resolution_warned_utc AS ResolutionWarnedAt, resolution_met_utc AS ResolutionMetAt, resolution_breached_utc AS ResolutionBreachedAt,
    sla_paused_at_utc AS SlaPausedAt, next_deadline_utc AS NextDeadlineAt
FROM cases
WHERE (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
    AND (@RegionCode IS NULL OR region_code = @RegionCode)
    AND (@UnitCode IS NULL OR unit_code = @UnitCode)
    AND (@Open IS NULL OR is_open = @Open)
    AND (@Complex IS NULL OR is_complex = @Complex)
ORDER BY opened_at_utc DESC, case_id
LIMIT @Take OFFSET @Skip;
