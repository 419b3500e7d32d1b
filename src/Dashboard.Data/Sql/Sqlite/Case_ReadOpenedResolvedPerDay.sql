-- Opened and resolved cases per day of the period (@OpenedFrom–@OpenedTo), each on its unit's clock (@ZoneOffsets):
-- opened counts the cases opened that day, resolved the cases resolved that day whenever they were opened. Days
-- without either are absent. The @…Utc bounds only narrow the range an index has to read; the resolved ones are
-- picked from their own index (rowid IN …), so a region's filter only checks them.
-- #include Zones
, days AS (
    SELECT date(c.opened_at_utc, COALESCE(z.shift, '0 minutes')) AS day, 1 AS opened, 0 AS resolved
    -- #include FilteredCases
        AND c.opened_at_utc >= @OpenedFromUtc AND c.opened_at_utc < @OpenedToUtc
    UNION ALL
    SELECT date(c.resolved_at_utc, COALESCE(z.shift, '0 minutes')), 0, 1
    -- #include FilteredCases
        AND c.rowid IN (SELECT rowid FROM cases WHERE resolved_at_utc >= @OpenedFromUtc AND resolved_at_utc < @OpenedToUtc)
)
SELECT day AS Day, SUM(opened) AS Opened, SUM(resolved) AS Resolved
FROM days
WHERE day >= @OpenedFrom AND day <= @OpenedTo
GROUP BY day
ORDER BY day;
