-- Every daily counter, cleared by their recount (in its transaction) before it adds them up again.
DELETE FROM dbo.case_days;
