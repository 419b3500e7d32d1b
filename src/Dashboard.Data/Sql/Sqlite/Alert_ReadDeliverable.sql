SELECT
    -- #include AlertColumns
FROM alerts a
WHERE a.withdrawn_sequence IS NULL AND ((a.status = 'Pending' AND (a.queued_at_utc IS NULL OR a.queued_at_utc < @RequeueBefore))
    OR (a.status = 'Held' AND a.held_until_utc <= @Now))
ORDER BY a.id
LIMIT 500;
