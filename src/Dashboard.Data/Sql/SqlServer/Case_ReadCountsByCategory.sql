-- Cases opened in the period per category, and how many of them are still open; most cases first.
-- #include Zones
SELECT c.category AS Category, COUNT(*) AS Cases, SUM(CASE WHEN c.is_open = 1 THEN 1 ELSE 0 END) AS OpenCases
-- #include FilteredCases
    -- #include OpenedDaysFilter
GROUP BY c.category
ORDER BY COUNT(*) DESC, c.category
OPTION (RECOMPILE);
