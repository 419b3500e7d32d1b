-- How many cases each unit has in each status, complexity and escalation level, so the summary reads a few thousand
-- counters instead of counting every case an institution ever had (issue 24: 10 M cases). The case-event appender
-- moves them in the transaction that changes the case rows, one delta per key and commit. The case rows stay the
-- truth: a test compares the counters with a recount after random event streams, and this migration fills them from
-- the rows already there.
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
