-- The daily counters ordered by region and day (issue 24): a region's two years of complaints read 118,000 counters
-- through ix_case_days_region, one lookup each, in 386–434 ms at 10 M cases; in this order they are one contiguous
-- range, and so are the institutions' rows (region ''). A unit's reads go through ix_case_days_unit (a few thousand
-- counters). The region also keeps apart the counters of a unit that moved to another region: its older cases keep
-- the region they were opened in.
CREATE TABLE case_days_by_region (
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
    PRIMARY KEY (region_code, day, unit_code, institution, kind, category, is_complex)
) WITHOUT ROWID;

INSERT INTO case_days_by_region SELECT * FROM case_days;
DROP TABLE case_days;
ALTER TABLE case_days_by_region RENAME TO case_days;
CREATE INDEX ix_case_days_unit ON case_days (unit_code, day);
