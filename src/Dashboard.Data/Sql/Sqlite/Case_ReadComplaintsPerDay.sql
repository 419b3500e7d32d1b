-- Complaints opened per day of the period (@OpenedFrom–@OpenedTo), each on its unit's clock (@ZoneOffsets), within the
-- scope and filter (the reader binds @Kind = 'Complaint'). Days without complaints are absent.
-- #include Zones
SELECT date(c.opened_at_utc, COALESCE(z.shift, '0 minutes')) AS Day, COUNT(*) AS Complaints
-- #include FilteredCases
    -- #include OpenedDaysFilter
GROUP BY date(c.opened_at_utc, COALESCE(z.shift, '0 minutes'))
ORDER BY Day;
