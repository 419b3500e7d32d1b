UPDATE cases
SET category = @Category, priority = @Priority, is_complex = @Complex, status = @Status, is_open = @IsOpen,
    escalation_level = @EscalationLevel, agent_id = @AgentId, pause_reason = @PauseReason, resolved_at_utc = @ResolvedAt,
    closed_at_utc = @ClosedAt, updated_at_utc = @UpdatedAt, last_sequence = @LastSequence,
    sla_policy = @SlaPolicy, sla_state = @SlaState, first_response_due_utc = @FirstResponseDueAt,
    first_response_warn_utc = @FirstResponseWarnAt, first_response_warned_utc = @FirstResponseWarnedAt, first_response_met_utc = @FirstResponseMetAt,
    first_response_breached_utc = @FirstResponseBreachedAt, resolution_due_utc = @ResolutionDueAt, resolution_warn_utc = @ResolutionWarnAt,
    resolution_warned_utc = @ResolutionWarnedAt, resolution_met_utc = @ResolutionMetAt, resolution_breached_utc = @ResolutionBreachedAt,
    sla_paused_at_utc = @SlaPausedAt, next_deadline_utc = @NextDeadlineAt
WHERE case_id = @CaseId;
