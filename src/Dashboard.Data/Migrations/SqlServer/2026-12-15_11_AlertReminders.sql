-- The alert job's reminders: sent e-mail alerts nobody acknowledged, whose next reminder is due. Read through the status
-- index, every run walked every sent alert ever; this filtered index holds only the alerts still waiting for an
-- acknowledgement with a reminder scheduled, and the job reads the due ones in order. The job ends the reminders of
-- alerts whose case is no longer open, so entries do not pile up behind closed cases.
CREATE INDEX ix_alerts_reminders ON dbo.alerts (next_reminder_utc) INCLUDE (case_id) WHERE status = 'Sent' AND acknowledged_at_utc IS NULL AND next_reminder_utc IS NOT NULL;
