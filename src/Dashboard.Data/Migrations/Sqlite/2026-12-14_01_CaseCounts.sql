-- How many cases each unit has in each status, complexity and escalation level, so the summary reads a few thousand
-- counters instead of counting every case an institution ever had (issue 24: 10 M cases). The case-event appender
-- moves them in the transaction that changes the case rows, one delta per key and commit (triggers were measured and
-- refused: a writing trigger makes SQLite journal every case insert, batches fell from 12,877 to 8,936 events/s). The
-- case rows stay the truth: a test compares the counters with a recount after random event streams, and this
-- migration fills them from the rows already there.
CREATE TABLE case_counts (
    unit_code        TEXT    NOT NULL,
    region_code      TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    is_complex       INTEGER NOT NULL,
    escalation_level INTEGER NOT NULL,
    cases            INTEGER NOT NULL,
    PRIMARY KEY (unit_code, status, is_complex, escalation_level)
) WITHOUT ROWID;

INSERT INTO case_counts (unit_code, region_code, status, is_complex, escalation_level, cases)
SELECT unit_code, MIN(region_code), status, is_complex, escalation_level, COUNT(*)
FROM cases
GROUP BY unit_code, status, is_complex, escalation_level;
