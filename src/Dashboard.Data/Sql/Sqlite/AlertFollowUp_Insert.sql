-- One follow-up per alert: a second run of the job finds the row and adds nothing (the unique constraint is the guarantee).
INSERT INTO alert_follow_ups (alert_id, withdrawn_sequence, clock, due_at_utc, late_event_type, late_event_at_utc, case_kind, status, created_at_utc, sent_at_utc)
VALUES (@AlertId, @WithdrawnSequence, @Clock, @DueAt, @LateEventType, @LateEventAt, @CaseKind, @Status, @Now, @SentAt)
ON CONFLICT (alert_id) DO NOTHING;
