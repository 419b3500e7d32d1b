-- One follow-up per alert: a second run of the job finds the row and adds nothing (the unique constraint is the guarantee).
INSERT INTO dbo.alert_follow_ups (alert_id, withdrawn_sequence, clock, due_at_utc, late_event_type, late_event_at_utc, case_kind, status, created_at_utc, sent_at_utc)
SELECT @AlertId, @WithdrawnSequence, @Clock, @DueAt, @LateEventType, @LateEventAt, @CaseKind, @Status, @Now, @SentAt
WHERE NOT EXISTS (SELECT 1 FROM dbo.alert_follow_ups WITH (UPDLOCK, HOLDLOCK) WHERE alert_id = @AlertId);
