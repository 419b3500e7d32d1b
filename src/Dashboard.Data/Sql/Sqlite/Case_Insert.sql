INSERT INTO cases (case_id, unit_code, region_code, institution, kind, channel, category, priority, is_complex, status,
    is_open, escalation_level, agent_id, insured_id, pause_reason, opened_at_utc, resolved_at_utc, closed_at_utc, updated_at_utc, last_sequence,
    sla_policy, sla_state, first_response_due_utc, first_response_warn_utc, first_response_warned_utc, first_response_met_utc, first_response_breached_utc, resolution_due_utc, resolution_warn_utc, resolution_warned_utc, resolution_met_utc, resolution_breached_utc, sla_paused_at_utc, next_deadline_utc, staff_role, module_code, previous_complaint_utc)
VALUES (@CaseId, @UnitCode, @RegionCode, @Institution, @Kind, @Channel, @Category, @Priority, @Complex, @Status,
    @IsOpen, @EscalationLevel, @AgentId, @InsuredId, @PauseReason, @OpenedAt, @ResolvedAt, @ClosedAt, @UpdatedAt, @LastSequence,
    @SlaPolicy, @SlaState, @FirstResponseDueAt, @FirstResponseWarnAt, @FirstResponseWarnedAt, @FirstResponseMetAt, @FirstResponseBreachedAt, @ResolutionDueAt, @ResolutionWarnAt, @ResolutionWarnedAt, @ResolutionMetAt, @ResolutionBreachedAt, @SlaPausedAt, @NextDeadlineAt, @StaffRole, @ModuleCode, @PreviousComplaintAt);
