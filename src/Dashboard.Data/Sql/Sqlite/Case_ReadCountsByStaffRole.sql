-- Cases opened in the period per staff role (null: not specified), all categories and those of @MistreatmentCategory;
-- most cases first.
-- #include Zones
SELECT c.staff_role AS StaffRole, COUNT(*) AS Cases, SUM(CASE WHEN c.category = @MistreatmentCategory THEN 1 ELSE 0 END) AS Mistreatment
-- #include FilteredCases
    -- #include OpenedDaysFilter
GROUP BY c.staff_role
ORDER BY COUNT(*) DESC, c.staff_role;
