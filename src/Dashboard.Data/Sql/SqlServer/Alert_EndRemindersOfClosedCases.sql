-- A reminder is about a case still waiting: once the case is resolved or closed, its unacknowledged alerts stop
-- reminding (a reopened case escalates again on its own clocks, with alerts of its own).
UPDATE a
SET next_reminder_utc = NULL
FROM dbo.alerts a
JOIN dbo.cases c ON c.case_id = a.case_id
WHERE a.status = 'Sent' AND a.acknowledged_at_utc IS NULL AND a.next_reminder_utc <= @Now AND c.is_open = 0;
