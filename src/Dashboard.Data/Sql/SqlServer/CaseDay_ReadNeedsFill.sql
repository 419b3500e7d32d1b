-- Whether the daily counters were never filled though there are cases (the first start after their migration).
SELECT CASE WHEN EXISTS (SELECT 1 FROM dbo.cases) AND NOT EXISTS (SELECT 1 FROM dbo.case_days) THEN 1 ELSE 0 END;
