-- The summary's counters also by SLA state and whether the case is open (issue 24): the wall's big numbers, its regions'
-- grid, its units with the most overdue complex cases and the regions page counted the open cases themselves, 0.6–5 s
-- nationally at 10 M cases (148,758 open). An open case's SLA state is kept ('' when it has no SLA); a closed case's
-- is not (''), so the history adds no keys. Refilled from the case rows.
DROP TABLE case_counts;

CREATE TABLE case_counts (
    unit_code        TEXT    NOT NULL,
    region_code      TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    is_complex       INTEGER NOT NULL,
    escalation_level INTEGER NOT NULL,
    sla_state        TEXT    NOT NULL DEFAULT '',
    is_open          INTEGER NOT NULL DEFAULT 0,
    cases            INTEGER NOT NULL,
    PRIMARY KEY (unit_code, status, is_complex, escalation_level, sla_state)
) WITHOUT ROWID;

INSERT INTO case_counts (unit_code, region_code, status, is_complex, escalation_level, sla_state, is_open, cases)
SELECT unit_code, MIN(region_code), status, is_complex, escalation_level, CASE WHEN is_open = 1 THEN COALESCE(sla_state, '') ELSE '' END,
    MAX(is_open), COUNT(*)
FROM cases
GROUP BY unit_code, status, is_complex, escalation_level, CASE WHEN is_open = 1 THEN COALESCE(sla_state, '') ELSE '' END;
