-- Complaints opened in the period per staff role (null: not specified), all categories and those of mistreatment,
-- from the staff roles' counters; most complaints first, as Case_ReadCountsByStaffRole counts them from the cases.
SELECT NULLIF(s.staff_role, '') AS StaffRole, SUM(s.complaints) AS Cases, SUM(s.mistreatment) AS Mistreatment
-- #include ComplaintStaffDays
GROUP BY s.staff_role
HAVING SUM(s.complaints) <> 0
ORDER BY SUM(s.complaints) DESC, s.staff_role
OPTION (RECOMPILE);
