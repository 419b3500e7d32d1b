-- The index of alerts waiting for an acknowledgement (ix_alerts_reminders), named: without statistics the planner takes
-- the status index and walks every alert ever sent.
SELECT
    -- #include AlertColumns
FROM alerts a INDEXED BY ix_alerts_reminders
JOIN cases c ON c.case_id = a.case_id
WHERE a.status = 'Sent' AND a.acknowledged_at_utc IS NULL AND a.next_reminder_utc <= @Now AND c.is_open = 1
ORDER BY a.next_reminder_utc
LIMIT 500;
