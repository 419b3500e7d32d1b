-- A session of the course attended (@Session, 1..N); attended once is attended: a second import changes nothing.
INSERT INTO staff_training (institution, staff_number, session_number)
SELECT u.institution, @StaffNumber, @Session FROM units u WHERE u.code = @UnitCode
ON CONFLICT (institution, staff_number, session_number) DO NOTHING;
