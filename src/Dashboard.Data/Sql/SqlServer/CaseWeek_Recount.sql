-- The weekly counters again from the units' daily counters (a recount, after the days are recounted): a week is the
-- sum of its days, named by its Monday (1900-01-01 was a Monday, whatever DATEFIRST says).
DELETE FROM dbo.case_weeks;
INSERT INTO dbo.case_weeks (region_code, week, unit_code, kind, category, opened)
SELECT region_code, w.week, unit_code, kind, category, SUM(opened)
FROM dbo.case_days
CROSS APPLY (SELECT CONVERT(CHAR(10), DATEADD(DAY, -(DATEDIFF(DAY, '19000101', CAST(day AS DATE)) % 7), CAST(day AS DATE)), 23) AS week) w
WHERE unit_code <> ''
GROUP BY region_code, w.week, unit_code, kind, category
HAVING SUM(opened) <> 0;
