-- The whole stored history of the cases a late event arrived for, read under the writer's lock (LateArrival).
SELECT
    -- #include CaseEventColumns
FROM case_events e
WHERE e.case_id IN (SELECT value FROM json_each(@CaseIds))
ORDER BY e.case_id, e.sequence;
