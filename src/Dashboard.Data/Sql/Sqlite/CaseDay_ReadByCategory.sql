-- Cases opened in the period per category and how many of them are still open, from the daily counters; most first.
SELECT d.category AS Category, SUM(d.opened) AS Cases, SUM(d.open_cases) AS OpenCases
-- #include CaseDays
GROUP BY d.category
HAVING SUM(d.opened) > 0
ORDER BY SUM(d.opened) DESC, d.category;
