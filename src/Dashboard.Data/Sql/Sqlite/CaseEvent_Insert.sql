INSERT INTO case_events (sequence, event_id, case_id, type, occurred_at_utc, recorded_at_utc, unit_code, region_code, status_after, complex_after, priority_after, escalation_after, data, content_hash, actor)
VALUES (@Sequence, @EventId, @CaseId, @Type, @OccurredAt, @RecordedAt, @UnitCode, @RegionCode, @Status, @Complex, @Priority, @EscalationLevel, @DataJson, @ContentHash, @Actor);
