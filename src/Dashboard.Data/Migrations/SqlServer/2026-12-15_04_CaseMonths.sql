-- Cases opened per unit and month on the unit's clock, by kind and category (issue 24): the committee's list of units
-- whose complaints deteriorate charts every unit over two years, and from the daily counters that read 1.24 million
-- unit-day rows nationally at 10 M cases (12 s). A month sums its days (CaseMonthCounts); the appender moves both in
-- the same transaction, and a recount derives the months from the days again. Filled here from the daily counters.
CREATE TABLE dbo.case_months (
    region_code VARCHAR(64) NOT NULL,
    month       CHAR(7)     NOT NULL,
    unit_code   VARCHAR(64) NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    category    VARCHAR(64) NOT NULL,
    opened      INT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_case_months PRIMARY KEY CLUSTERED (region_code, month, unit_code, kind, category)
);
GO

INSERT INTO dbo.case_months (region_code, month, unit_code, kind, category, opened)
SELECT region_code, LEFT(day, 7), unit_code, kind, category, SUM(opened)
FROM dbo.case_days
WHERE unit_code <> ''
GROUP BY region_code, LEFT(day, 7), unit_code, kind, category
HAVING SUM(opened) <> 0;
GO

CREATE INDEX ix_case_months_unit ON dbo.case_months (unit_code, month);
GO
