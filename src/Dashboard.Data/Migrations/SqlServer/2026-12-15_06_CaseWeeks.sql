-- Cases opened per unit and ISO week (named by its Monday) on the unit's clock, by kind and category (issue 24): the
-- committee's list of units whose complaints deteriorate week by week charts every unit over a year, and from the
-- daily counters that read 632,000 unit-day rows nationally at 10 M cases (1.5 s warm, most of a minute cold). A week
-- sums its days (CaseOpenedCounts); the appender moves both in the same transaction, and a recount derives the weeks
-- from the days again. Filled here from the daily counters.
CREATE TABLE dbo.case_weeks (
    region_code VARCHAR(64) NOT NULL,
    week        CHAR(10)    NOT NULL,
    unit_code   VARCHAR(64) NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    category    VARCHAR(64) NOT NULL,
    opened      INT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_case_weeks PRIMARY KEY CLUSTERED (region_code, week, unit_code, kind, category)
);
GO

-- 1900-01-01 was a Monday: a day's Monday is that many days back as it is days past a Monday (whatever DATEFIRST says).
INSERT INTO dbo.case_weeks (region_code, week, unit_code, kind, category, opened)
SELECT region_code, w.week, unit_code, kind, category, SUM(opened)
FROM dbo.case_days
CROSS APPLY (SELECT CONVERT(CHAR(10), DATEADD(DAY, -(DATEDIFF(DAY, '19000101', CAST(day AS DATE)) % 7), CAST(day AS DATE)), 23) AS week) w
WHERE unit_code <> ''
GROUP BY region_code, w.week, unit_code, kind, category
HAVING SUM(opened) <> 0;
GO

CREATE INDEX ix_case_weeks_unit ON dbo.case_weeks (unit_code, week);
GO
