-- Complaints opened per staff role (null: not specified) and day of the period (@OpenedFrom–@OpenedTo), each on its
-- unit's clock (@ZoneOffsets), within the scope and filter (the reader binds @Kind = 'Complaint'). Days without
-- complaints are absent.
-- #include Zones
SELECT c.staff_role AS StaffRole, CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.opened_at_utc), 23) AS Day, COUNT(*) AS Complaints
-- #include FilteredCases
    -- #include OpenedDaysFilter
GROUP BY c.staff_role, CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.opened_at_utc), 23)
ORDER BY StaffRole, Day
OPTION (RECOMPILE);
