-- Cases opened per unit and month on the unit's clock, by kind and category (issue 24): the committee's list of units
-- whose complaints deteriorate charts every unit over two years, and from the daily counters that read 1.24 million
-- unit-day rows nationally at 10 M cases (12 s). A month sums its days (CaseMonthCounts); the appender moves both in
-- the same transaction, and a recount derives the months from the days again. Filled here from the daily counters.
CREATE TABLE case_months (
    region_code TEXT    NOT NULL,
    month       TEXT    NOT NULL,
    unit_code   TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    opened      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (region_code, month, unit_code, kind, category)
) WITHOUT ROWID;

INSERT INTO case_months (region_code, month, unit_code, kind, category, opened)
SELECT region_code, substr(day, 1, 7), unit_code, kind, category, SUM(opened)
FROM case_days
WHERE unit_code <> ''
GROUP BY region_code, substr(day, 1, 7), unit_code, kind, category
HAVING SUM(opened) <> 0;

CREATE INDEX ix_case_months_unit ON case_months (unit_code, month);
