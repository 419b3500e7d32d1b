UPDATE dbo.cases
SET category = @Category, priority = @Priority, is_complex = @Complex, status = @Status, is_open = @IsOpen,
    escalation_level = @EscalationLevel, agent_id = @AgentId, pause_reason = @PauseReason, resolved_at_utc = @ResolvedAt,
    closed_at_utc = @ClosedAt, updated_at_utc = @UpdatedAt, last_sequence = @LastSequence
WHERE case_id = @CaseId;
