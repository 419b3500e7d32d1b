-- A second run of the job finds the row and adds nothing: the unique constraint is the guarantee.
INSERT INTO alerts (case_id, level, channel, unit_code, region_code, is_critical, escalated_sequence, escalated_at_utc, reason, recipients, status, held_until_utc, created_at_utc)
VALUES (@CaseId, @Level, @Channel, @UnitCode, @RegionCode, @Critical, @EscalatedSequence, @EscalatedAt, @Reason, @Recipients, @Status, @HeldUntil, @Now)
ON CONFLICT (case_id, level, channel) DO NOTHING;
