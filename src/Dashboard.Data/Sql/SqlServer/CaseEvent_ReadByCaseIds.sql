-- The whole stored history of the cases a late event arrived for, read under the writer's lock (LateArrival).
SELECT
    -- #include CaseEventColumns
FROM dbo.case_events e
WHERE e.case_id IN (SELECT CAST(value AS VARCHAR(64)) FROM OPENJSON(@CaseIds))
ORDER BY e.case_id, e.sequence;
