-- The alert job's read when a breach of a case is withdrawn: every alert of the case, to find those it stood down.
SELECT
    -- #include AlertColumns
FROM dbo.alerts a
WHERE a.case_id = @CaseId
ORDER BY a.level, a.channel;
