INSERT INTO cases (case_id, unit_code, region_code, institution, kind, channel, category, priority, is_complex, status,
    is_open, escalation_level, agent_id, insured_id, pause_reason, opened_at_utc, resolved_at_utc, closed_at_utc, updated_at_utc, last_sequence)
VALUES (@CaseId, @UnitCode, @RegionCode, @Institution, @Kind, @Channel, @Category, @Priority, @Complex, @Status,
    @IsOpen, @EscalationLevel, @AgentId, @InsuredId, @PauseReason, @OpenedAt, @ResolvedAt, @ClosedAt, @UpdatedAt, @LastSequence);
