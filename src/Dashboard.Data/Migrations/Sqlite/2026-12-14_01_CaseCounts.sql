-- How many cases each unit has in each status, complexity and escalation level, kept by the database in the same
-- transaction as the case row (triggers), so the summary reads a few hundred counters instead of counting every case
-- an institution ever had (issue 24: 10 M cases). The case row stays the truth: a test compares the counters with a
-- recount after every kind of event, and this migration fills them from the rows already there.
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

CREATE TRIGGER tr_case_counts_insert AFTER INSERT ON cases
BEGIN
    INSERT INTO case_counts (unit_code, region_code, status, is_complex, escalation_level, cases)
    VALUES (NEW.unit_code, NEW.region_code, NEW.status, NEW.is_complex, NEW.escalation_level, 1)
    ON CONFLICT (unit_code, status, is_complex, escalation_level) DO UPDATE SET cases = cases + 1;
END;

-- Only when a counted column really changes: most events leave all three as they were.
CREATE TRIGGER tr_case_counts_update AFTER UPDATE OF status, is_complex, escalation_level ON cases
WHEN OLD.status IS NOT NEW.status OR OLD.is_complex IS NOT NEW.is_complex OR OLD.escalation_level IS NOT NEW.escalation_level
BEGIN
    UPDATE case_counts SET cases = cases - 1
    WHERE unit_code = OLD.unit_code AND status = OLD.status AND is_complex = OLD.is_complex AND escalation_level = OLD.escalation_level;
    INSERT INTO case_counts (unit_code, region_code, status, is_complex, escalation_level, cases)
    VALUES (NEW.unit_code, NEW.region_code, NEW.status, NEW.is_complex, NEW.escalation_level, 1)
    ON CONFLICT (unit_code, status, is_complex, escalation_level) DO UPDATE SET cases = cases + 1;
END;
