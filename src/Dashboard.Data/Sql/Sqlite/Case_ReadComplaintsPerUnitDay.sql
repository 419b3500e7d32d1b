-- Complaints opened per unit and day of the period (@OpenedFrom–@OpenedTo), each on its unit's clock (@ZoneOffsets),
-- within the scope and filter (the reader binds @Kind = 'Complaint'). Days without complaints are absent.
-- #include Zones
SELECT c.unit_code AS UnitCode, date(c.opened_at_utc, COALESCE(z.shift, '0 minutes')) AS Day, COUNT(*) AS Complaints
-- #include FilteredCases
    -- #include OpenedDaysFilter
GROUP BY c.unit_code, date(c.opened_at_utc, COALESCE(z.shift, '0 minutes'))
ORDER BY UnitCode, Day;
