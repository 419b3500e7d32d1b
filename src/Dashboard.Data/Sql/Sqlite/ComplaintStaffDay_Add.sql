-- One staff roles' counter's delta from one commit (ComplaintStaffDays); the first complaint of a key creates its row.
INSERT INTO complaint_staff_days (region_code, day, unit_code, staff_role, complaints, mistreatment)
VALUES (@RegionCode, @Day, @UnitCode, @StaffRole, @Complaints, @Mistreatment)
ON CONFLICT (region_code, day, unit_code, staff_role) DO UPDATE SET
    complaints = complaints + excluded.complaints, mistreatment = mistreatment + excluded.mistreatment;
