-- The alert job's read: one type in a sequence range, filtered in SQL so a busy log is scanned, not materialized.
SELECT TOP (@Limit)
    -- #include CaseEventColumns
FROM dbo.case_events e
WHERE e.sequence > @AfterSequence AND e.sequence <= @UpToSequence AND e.type = @Type
ORDER BY e.sequence;
