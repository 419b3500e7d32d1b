-- A reminder is about a case still waiting: once the case is resolved or closed, its unacknowledged alerts stop
-- reminding (a reopened case escalates again on its own clocks, with alerts of its own).
UPDATE alerts INDEXED BY ix_alerts_reminders
SET next_reminder_utc = NULL
WHERE status = 'Sent' AND acknowledged_at_utc IS NULL AND next_reminder_utc <= @Now
  AND EXISTS (SELECT 1 FROM cases c WHERE c.case_id = alerts.case_id AND c.is_open = 0);
