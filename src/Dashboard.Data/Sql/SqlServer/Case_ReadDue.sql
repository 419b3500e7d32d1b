-- The sweep's read: a range seek on the filtered next-deadline index, so its cost follows the due cases, not the open ones.
SELECT TOP (@Limit)
    -- #include CaseColumns
FROM dbo.cases c
WHERE c.next_deadline_utc IS NOT NULL AND c.next_deadline_utc <= @Now
ORDER BY c.next_deadline_utc;
