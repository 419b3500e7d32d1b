-- Every column of a case as CaseRow reads it, from cases aliased c.
c.case_id AS CaseId, c.unit_code AS UnitCode, c.region_code AS RegionCode, c.institution AS Institution, c.kind AS Kind,
c.channel AS Channel, c.category AS Category, c.priority AS Priority, c.is_complex AS Complex, c.status AS Status,
c.escalation_level AS EscalationLevel, c.agent_id AS AgentId, c.insured_id AS InsuredId, c.pause_reason AS PauseReason,
c.opened_at_utc AS OpenedAt, c.resolved_at_utc AS ResolvedAt, c.closed_at_utc AS ClosedAt, c.updated_at_utc AS UpdatedAt,
c.last_sequence AS LastSequence,
c.sla_policy AS SlaPolicy, c.sla_state AS SlaState, c.first_response_due_utc AS FirstResponseDueAt,
c.first_response_warn_utc AS FirstResponseWarnAt, c.first_response_warned_utc AS FirstResponseWarnedAt, c.first_response_met_utc AS FirstResponseMetAt,
c.first_response_breached_utc AS FirstResponseBreachedAt, c.resolution_due_utc AS ResolutionDueAt, c.resolution_warn_utc AS ResolutionWarnAt,
c.resolution_warned_utc AS ResolutionWarnedAt, c.resolution_met_utc AS ResolutionMetAt, c.resolution_breached_utc AS ResolutionBreachedAt,
c.sla_paused_at_utc AS SlaPausedAt, c.next_deadline_utc AS NextDeadlineAt, c.staff_role AS StaffRole, c.module_code AS ModuleCode, c.previous_complaint_utc AS PreviousComplaintAt,
c.impact_reason AS ImpactReason, c.impact_flagged_utc AS ImpactFlaggedAt,
c.praised_agent_id AS PraisedAgentId, c.praised_name AS PraisedName, c.praised_role AS PraisedRole
