SELECT TOP (500)
    -- #include AlertColumns
FROM dbo.alerts a
JOIN dbo.cases c ON c.case_id = a.case_id
WHERE a.status = 'Sent' AND a.acknowledged_at_utc IS NULL AND a.next_reminder_utc <= @Now AND c.is_open = 1
ORDER BY a.next_reminder_utc;
