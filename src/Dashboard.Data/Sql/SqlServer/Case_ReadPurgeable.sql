-- Closed cases whose personal fields are past retention and not yet erased, oldest first.
SELECT TOP (@Limit) c.case_id
FROM dbo.cases c
WHERE c.closed_at_utc IS NOT NULL AND c.closed_at_utc < @ClosedBefore AND c.personal_data_purged_utc IS NULL AND c.is_open = 0
ORDER BY c.closed_at_utc;
