-- How many cases each unit has in each status, complexity and escalation level, kept by the database in the same
-- transaction as the case rows (a trigger), so the summary reads a few hundred counters instead of counting every case
-- an institution ever had (issue 24: 10 M cases). The case rows stay the truth: a test compares the counters with a
-- recount after every kind of event, and this migration fills them from the rows already there.
CREATE TABLE dbo.case_counts (
    unit_code        VARCHAR(64) NOT NULL,
    region_code      VARCHAR(64) NOT NULL,
    status           VARCHAR(16) NOT NULL,
    is_complex       BIT         NOT NULL,
    escalation_level INT         NOT NULL,
    cases            INT         NOT NULL,
    CONSTRAINT pk_case_counts PRIMARY KEY (unit_code, status, is_complex, escalation_level)
);
GO

INSERT INTO dbo.case_counts (unit_code, region_code, status, is_complex, escalation_level, cases)
SELECT unit_code, MIN(region_code), status, is_complex, escalation_level, COUNT(*)
FROM dbo.cases
GROUP BY unit_code, status, is_complex, escalation_level;
GO

-- Every statement inserting or updating cases moves the counters by what it changed (rows in, rows out), once per key.
CREATE TRIGGER dbo.tr_case_counts ON dbo.cases AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted) AND NOT (UPDATE(status) OR UPDATE(is_complex) OR UPDATE(escalation_level))
        RETURN;

    MERGE dbo.case_counts WITH (HOLDLOCK) AS t
    USING (
        SELECT unit_code, MIN(region_code) AS region_code, status, is_complex, escalation_level, SUM(n) AS n
        FROM (
            SELECT unit_code, region_code, status, is_complex, escalation_level, 1 AS n FROM inserted
            UNION ALL
            SELECT unit_code, region_code, status, is_complex, escalation_level, -1 AS n FROM deleted
        ) AS moved
        GROUP BY unit_code, status, is_complex, escalation_level
        HAVING SUM(n) <> 0
    ) AS s
    ON t.unit_code = s.unit_code AND t.status = s.status AND t.is_complex = s.is_complex AND t.escalation_level = s.escalation_level
    WHEN MATCHED THEN UPDATE SET cases = t.cases + s.n
    WHEN NOT MATCHED THEN INSERT (unit_code, region_code, status, is_complex, escalation_level, cases)
        VALUES (s.unit_code, s.region_code, s.status, s.is_complex, s.escalation_level, s.n);
END;
