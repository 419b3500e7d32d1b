SELECT TOP (500)
    -- #include AlertFollowUpColumns
FROM dbo.alert_follow_ups f
WHERE f.status = 'Pending' AND (f.queued_at_utc IS NULL OR f.queued_at_utc < @RequeueBefore)
ORDER BY f.id;
