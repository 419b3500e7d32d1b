SELECT
    -- #include CaseColumns
FROM dbo.cases c
WHERE c.case_id IN (SELECT CAST(value AS VARCHAR(64)) FROM OPENJSON(@CaseIds));
