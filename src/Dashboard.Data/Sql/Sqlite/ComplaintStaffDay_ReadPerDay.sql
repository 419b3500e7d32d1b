-- Complaints opened per staff role (null: not specified) and day of the period, each on its unit's clock, from the
-- staff roles' counters, as Case_ReadComplaintsPerStaffRoleDay counts them from the cases. Days without complaints are
-- absent.
SELECT NULLIF(s.staff_role, '') AS StaffRole, s.day AS Day, SUM(s.complaints) AS Complaints
-- #include ComplaintStaffDays
GROUP BY s.staff_role, s.day
HAVING SUM(s.complaints) <> 0
ORDER BY s.staff_role, s.day;
