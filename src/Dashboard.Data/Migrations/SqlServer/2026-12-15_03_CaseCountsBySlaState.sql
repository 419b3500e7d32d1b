-- The summary's counters also by SLA state and whether the case is open (issue 24): the wall's big numbers, its regions'
-- grid, its units with the most overdue complex cases and the regions page counted the open cases themselves, 0.6–5 s
-- nationally at 10 M cases (148,758 open). An open case's SLA state is kept ('' when it has no SLA); a closed case's
-- is not (''), so the history adds no keys. Refilled from the case rows.
DROP TABLE dbo.case_counts;
GO

CREATE TABLE dbo.case_counts (
    unit_code        VARCHAR(64) NOT NULL,
    region_code      VARCHAR(64) NOT NULL,
    status           VARCHAR(16) NOT NULL,
    is_complex       BIT         NOT NULL,
    escalation_level INT         NOT NULL,
    sla_state        VARCHAR(16) NOT NULL CONSTRAINT df_case_counts_sla_state DEFAULT '',
    is_open          BIT         NOT NULL CONSTRAINT df_case_counts_is_open DEFAULT 0,
    cases            INT         NOT NULL,
    CONSTRAINT pk_case_counts PRIMARY KEY (unit_code, status, is_complex, escalation_level, sla_state)
);
GO

INSERT INTO dbo.case_counts (unit_code, region_code, status, is_complex, escalation_level, sla_state, is_open, cases)
SELECT unit_code, MIN(region_code), status, is_complex, escalation_level, CASE WHEN is_open = 1 THEN COALESCE(sla_state, '') ELSE '' END,
    MAX(CAST(is_open AS INT)), COUNT(*)
FROM dbo.cases
GROUP BY unit_code, status, is_complex, escalation_level, CASE WHEN is_open = 1 THEN COALESCE(sla_state, '') ELSE '' END;
GO
