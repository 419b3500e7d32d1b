-- One staff roles' counter's delta from one commit (ComplaintStaffDays); the first complaint of a key creates its row.
-- Appenders are serialized by the event sequence's lock, so the update-then-insert cannot race.
UPDATE dbo.complaint_staff_days SET complaints = complaints + @Complaints, mistreatment = mistreatment + @Mistreatment
WHERE region_code = @RegionCode AND day = @Day AND unit_code = @UnitCode AND staff_role = @StaffRole;
IF @@ROWCOUNT = 0
    INSERT INTO dbo.complaint_staff_days (region_code, day, unit_code, staff_role, complaints, mistreatment)
    VALUES (@RegionCode, @Day, @UnitCode, @StaffRole, @Complaints, @Mistreatment);
