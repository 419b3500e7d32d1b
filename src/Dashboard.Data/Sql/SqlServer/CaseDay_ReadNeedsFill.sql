-- Whether the counters were never filled though there are cases (the first start after their migration): 1 when
-- the daily ones are empty (every counter is filled), 2 when only the staff roles' are (complaint_staff_days), else 0.
SELECT CASE WHEN EXISTS (SELECT 1 FROM dbo.cases) AND NOT EXISTS (SELECT 1 FROM dbo.case_days) THEN 1
    WHEN EXISTS (SELECT 1 FROM dbo.cases WHERE kind = 'Complaint') AND NOT EXISTS (SELECT 1 FROM dbo.complaint_staff_days) THEN 2 ELSE 0 END;
