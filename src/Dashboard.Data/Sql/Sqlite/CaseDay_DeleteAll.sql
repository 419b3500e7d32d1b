-- Every daily counter and staff roles' counter, cleared by their recount (in its transaction) before it adds them up again.
DELETE FROM case_days;
DELETE FROM complaint_staff_days;
