SELECT
    -- #include CaseColumns
FROM cases c
WHERE c.case_id IN (SELECT value FROM json_each(@CaseIds));
