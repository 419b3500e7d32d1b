-- The sweep's read: a range seek on the filtered next-deadline index, so its cost follows the due cases, not the open ones.
SELECT TOP (@Limit) case_id AS CaseId, unit_code AS UnitCode, region_code AS RegionCode, institution AS Institution, kind AS Kind,
    channel AS Channel, category AS Category, priority AS Priority, is_complex AS Complex, status AS Status,
    escalation_level AS EscalationLevel, agent_id AS AgentId, insured_id AS InsuredId, pause_reason AS PauseReason,
    opened_at_utc AS OpenedAt, resolved_at_utc AS ResolvedAt, closed_at_utc AS ClosedAt, updated_at_utc AS UpdatedAt,
    last_sequence AS LastSequence,
    sla_policy AS SlaPolicy, sla_state AS SlaState, first_response_due_utc AS FirstResponseDueAt,
    first_response_warn_utc AS FirstResponseWarnAt, first_response_warned_utc AS FirstResponseWarnedAt, first_response_met_utc AS FirstResponseMetAt,
    first_response_breached_utc AS FirstResponseBreachedAt, resolution_due_utc AS ResolutionDueAt, resolution_warn_utc AS ResolutionWarnAt,
    resolution_warned_utc AS ResolutionWarnedAt, resolution_met_utc AS ResolutionMetAt, resolution_breached_utc AS ResolutionBreachedAt,
    sla_paused_at_utc AS SlaPausedAt, next_deadline_utc AS NextDeadlineAt
FROM dbo.cases
WHERE next_deadline_utc IS NOT NULL AND next_deadline_utc <= @Now
ORDER BY next_deadline_utc;
