-- Complaints opened per day of the period (@OpenedFrom–@OpenedTo), each on its unit's clock (@ZoneOffsets), within the
-- scope and filter (the reader binds @Kind = 'Complaint'). Days without complaints are absent.
-- #include Zones
SELECT CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.opened_at_utc), 23) AS Day, COUNT(*) AS Complaints
-- #include FilteredCases
    -- #include OpenedDaysFilter
GROUP BY CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.opened_at_utc), 23)
ORDER BY Day
OPTION (RECOMPILE);
