-- The weekly counters again from the units' daily counters (a recount, after the days are recounted): a week is the
-- sum of its days, named by its Monday (six days back, then forward to the first Monday).
DELETE FROM case_weeks;
INSERT INTO case_weeks (region_code, week, unit_code, kind, category, opened)
SELECT region_code, date(day, '-6 days', 'weekday 1'), unit_code, kind, category, SUM(opened)
FROM case_days
WHERE unit_code <> ''
GROUP BY region_code, date(day, '-6 days', 'weekday 1'), unit_code, kind, category
HAVING SUM(opened) <> 0;
