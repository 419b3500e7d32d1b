-- The monthly counters again from the units' daily counters (a recount, after the days are recounted): a month is the
-- sum of its days.
DELETE FROM case_months;
INSERT INTO case_months (region_code, month, unit_code, kind, category, opened)
SELECT region_code, substr(day, 1, 7), unit_code, kind, category, SUM(opened)
FROM case_days
WHERE unit_code <> ''
GROUP BY region_code, substr(day, 1, 7), unit_code, kind, category
HAVING SUM(opened) <> 0;
