-- Cases opened per unit and ISO week (named by its Monday) on the unit's clock, by kind and category (issue 24): the
-- committee's list of units whose complaints deteriorate week by week charts every unit over a year, and from the
-- daily counters that read 632,000 unit-day rows nationally at 10 M cases (1.5 s warm, most of a minute cold). A week
-- sums its days (CaseOpenedCounts); the appender moves both in the same transaction, and a recount derives the weeks
-- from the days again. Filled here from the daily counters.
CREATE TABLE case_weeks (
    region_code TEXT    NOT NULL,
    week        TEXT    NOT NULL,
    unit_code   TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    opened      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (region_code, week, unit_code, kind, category)
) WITHOUT ROWID;

-- date(day, '-6 days', 'weekday 1'): six days back, then forward to the first Monday, is the day's own Monday.
INSERT INTO case_weeks (region_code, week, unit_code, kind, category, opened)
SELECT region_code, date(day, '-6 days', 'weekday 1'), unit_code, kind, category, SUM(opened)
FROM case_days
WHERE unit_code <> ''
GROUP BY region_code, date(day, '-6 days', 'weekday 1'), unit_code, kind, category
HAVING SUM(opened) <> 0;

CREATE INDEX ix_case_weeks_unit ON case_weeks (unit_code, week);
