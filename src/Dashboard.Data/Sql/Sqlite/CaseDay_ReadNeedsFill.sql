-- Whether the daily counters, or the staff roles' (complaint_staff_days), were never filled though there are cases or
-- complaints (the first start after their migrations).
SELECT CASE WHEN EXISTS (SELECT 1 FROM cases) AND NOT EXISTS (SELECT 1 FROM case_days) THEN 1
    WHEN EXISTS (SELECT 1 FROM cases WHERE kind = 'Complaint') AND NOT EXISTS (SELECT 1 FROM complaint_staff_days) THEN 1 ELSE 0 END;
