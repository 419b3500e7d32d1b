-- Its escalation was stood down by a withdrawn breach: Tablero acknowledges it (a person's earlier acknowledgement
-- stays), reminders stop, and the withdrawal is recorded. Once: a second run finds it marked.
UPDATE dbo.alerts
SET withdrawn_sequence = @WithdrawnSequence, withdrawn_clock = @Clock,
    acknowledged_by = CASE WHEN acknowledged_at_utc IS NULL THEN @By ELSE acknowledged_by END,
    acknowledged_at_utc = COALESCE(acknowledged_at_utc, @Now),
    next_reminder_utc = NULL
WHERE id = @Id AND withdrawn_sequence IS NULL;
