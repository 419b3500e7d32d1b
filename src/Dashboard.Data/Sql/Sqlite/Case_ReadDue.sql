-- The sweep's read: a range scan of the partial next-deadline index, so its cost follows the due cases, not the open ones.
SELECT
    -- #include CaseColumns
FROM cases c
WHERE c.next_deadline_utc IS NOT NULL AND c.next_deadline_utc <= @Now
ORDER BY c.next_deadline_utc
LIMIT @Limit;
