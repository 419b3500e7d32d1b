-- A session of the course attended (@Session, 1..N); attended once is attended: a second import changes nothing.
INSERT INTO dbo.staff_training (institution, staff_number, session_number)
SELECT u.institution, @StaffNumber, @Session FROM dbo.units u
WHERE u.code = @UnitCode
    AND NOT EXISTS (SELECT 1 FROM dbo.staff_training t WITH (UPDLOCK, HOLDLOCK)
        WHERE t.institution = u.institution AND t.staff_number = @StaffNumber AND t.session_number = @Session);
