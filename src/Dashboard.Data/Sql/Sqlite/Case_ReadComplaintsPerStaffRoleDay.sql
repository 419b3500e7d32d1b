-- Complaints opened per staff role (null: not specified) and day of the period (@OpenedFrom–@OpenedTo), each on its
-- unit's clock (@ZoneOffsets), within the scope and filter (the reader binds @Kind = 'Complaint'). Days without
-- complaints are absent.
-- #include Zones
SELECT c.staff_role AS StaffRole, date(c.opened_at_utc, COALESCE(z.shift, '0 minutes')) AS Day, COUNT(*) AS Complaints
-- #include FilteredCases
    -- #include OpenedDaysFilter
GROUP BY c.staff_role, date(c.opened_at_utc, COALESCE(z.shift, '0 minutes'))
ORDER BY StaffRole, Day;
