-- A line marked "only if changed" is kept only for rows where that part changed (CaseUpdateStatement): SQLite
-- rewrites the index entries of every indexed column an UPDATE sets, even to the value it already had.
UPDATE cases
SET category = @Category, priority = @Priority,
    escalation_level = @EscalationLevel, pause_reason = @PauseReason,
    updated_at_utc = @UpdatedAt, last_sequence = @LastSequence,
    sla_policy = @SlaPolicy, first_response_due_utc = @FirstResponseDueAt,
    first_response_warn_utc = @FirstResponseWarnAt, first_response_warned_utc = @FirstResponseWarnedAt, first_response_met_utc = @FirstResponseMetAt,
    resolution_due_utc = @ResolutionDueAt, resolution_warn_utc = @ResolutionWarnAt,
    resolution_warned_utc = @ResolutionWarnedAt, resolution_met_utc = @ResolutionMetAt,
    sla_paused_at_utc = @SlaPausedAt, impact_reason = @ImpactReason
    , is_open = @IsOpen, is_complex = @Complex -- only if changed: Open
    , sla_state = @SlaState -- only if changed: SlaState
    , next_deadline_utc = @NextDeadlineAt -- only if changed: NextDeadline
    , first_response_breached_utc = @FirstResponseBreachedAt -- only if changed: FirstResponseBreached
    , resolution_breached_utc = @ResolutionBreachedAt -- only if changed: ResolutionBreached
    , resolved_at_utc = @ResolvedAt -- only if changed: Resolved
    , closed_at_utc = @ClosedAt -- only if changed: Closed
    , agent_id = @AgentId -- only if changed: Agent
    , status = @Status -- only if changed: Status
    , impact_flagged_utc = @ImpactFlaggedAt -- only if changed: Impact
WHERE case_id = @CaseId;
