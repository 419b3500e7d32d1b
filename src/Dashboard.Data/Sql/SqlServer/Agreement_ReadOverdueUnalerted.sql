-- Overdue agreements whose owner has not been told, for the alert job.
SELECT TOP (@Max)
-- #include AgreementColumns
FROM dbo.agreements a
WHERE a.overdue_after_utc <= @Now AND a.status IN ('Pending', 'InProgress') AND a.owner_kind <> 'Committees' AND a.overdue_alerted_utc IS NULL
ORDER BY a.overdue_after_utc, a.id;
