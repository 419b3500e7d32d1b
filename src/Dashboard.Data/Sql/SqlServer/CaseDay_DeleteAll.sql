-- Every daily counter and staff roles' counter, cleared by their recount (in its transaction) before it adds them up again.
DELETE FROM dbo.case_days;
DELETE FROM dbo.complaint_staff_days;
