-- A second run of the job finds the row and adds nothing: the unique constraint is the guarantee.
INSERT INTO dbo.alerts (case_id, level, channel, unit_code, region_code, is_critical, escalated_sequence, escalated_at_utc, reason, recipients, status, held_until_utc, created_at_utc)
SELECT @CaseId, @Level, @Channel, @UnitCode, @RegionCode, @Critical, @EscalatedSequence, @EscalatedAt, @Reason, @Recipients, @Status, @HeldUntil, @Now
WHERE NOT EXISTS (SELECT 1 FROM dbo.alerts WITH (UPDLOCK, HOLDLOCK) WHERE case_id = @CaseId AND level = @Level AND channel = @Channel);
