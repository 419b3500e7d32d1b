-- Complaints opened per unit and day of the period (@OpenedFrom–@OpenedTo), each on its unit's clock (@ZoneOffsets),
-- within the scope and filter (the reader binds @Kind = 'Complaint'). Days without complaints are absent.
-- #include Zones
SELECT c.unit_code AS UnitCode, CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.opened_at_utc), 23) AS Day, COUNT(*) AS Complaints
-- #include FilteredCases
    -- #include OpenedDaysFilter
GROUP BY c.unit_code, CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.opened_at_utc), 23)
ORDER BY UnitCode, Day
OPTION (RECOMPILE);
