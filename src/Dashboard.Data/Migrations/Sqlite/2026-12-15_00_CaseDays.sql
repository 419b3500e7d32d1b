-- The overview's and the complaint indicators' daily counters (issue 24: at 10 M cases the overview counted every case
-- of its period, 12 s for 30 days and 93 s for a year). Per day on the unit's clock and the dimensions the overview
-- filters by (kind, category, complexity): cases opened, still open (at risk, overdue, per escalation level), resolved,
-- breached, and the first-response waits of the cases opened that day in buckets (w00 … w17, see CaseDayCounts).
-- Each count is kept per unit, for a region's or a unit's reads, and again per institution in the rows whose
-- unit_code is '' (national reads sum a few dozen rows a day instead of one per unit). The case-event appender moves
-- them in the transaction that changes the case rows, like case_counts. They start empty: the host fills them from the
-- case rows at its first start after this migration (it needs each unit's time zone, which SQL does not know), and
-- rebuild-counts recounts them.
CREATE TABLE case_days (
    unit_code        TEXT    NOT NULL,
    day              TEXT    NOT NULL,
    institution      TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    category         TEXT    NOT NULL,
    is_complex       INTEGER NOT NULL,
    region_code      TEXT    NOT NULL,
    opened           INTEGER NOT NULL DEFAULT 0,
    open_cases       INTEGER NOT NULL DEFAULT 0,
    at_risk          INTEGER NOT NULL DEFAULT 0,
    overdue          INTEGER NOT NULL DEFAULT 0,
    level1           INTEGER NOT NULL DEFAULT 0,
    level2           INTEGER NOT NULL DEFAULT 0,
    level3           INTEGER NOT NULL DEFAULT 0,
    resolved         INTEGER NOT NULL DEFAULT 0,
    breached         INTEGER NOT NULL DEFAULT 0,
    w00              INTEGER NOT NULL DEFAULT 0,
    w01              INTEGER NOT NULL DEFAULT 0,
    w02              INTEGER NOT NULL DEFAULT 0,
    w03              INTEGER NOT NULL DEFAULT 0,
    w04              INTEGER NOT NULL DEFAULT 0,
    w05              INTEGER NOT NULL DEFAULT 0,
    w06              INTEGER NOT NULL DEFAULT 0,
    w07              INTEGER NOT NULL DEFAULT 0,
    w08              INTEGER NOT NULL DEFAULT 0,
    w09              INTEGER NOT NULL DEFAULT 0,
    w10              INTEGER NOT NULL DEFAULT 0,
    w11              INTEGER NOT NULL DEFAULT 0,
    w12              INTEGER NOT NULL DEFAULT 0,
    w13              INTEGER NOT NULL DEFAULT 0,
    w14              INTEGER NOT NULL DEFAULT 0,
    w15              INTEGER NOT NULL DEFAULT 0,
    w16              INTEGER NOT NULL DEFAULT 0,
    w17              INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_code, day, institution, kind, category, is_complex)
) WITHOUT ROWID;

CREATE INDEX ix_case_days_region ON case_days (region_code, day);
