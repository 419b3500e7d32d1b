-- The daily, monthly, weekly and staff roles' counters as they were before a recount (their non-zero rows), on the writer's connection, so the recount can
-- say how many it corrected; dropped by CaseDay_DropBeforeRecount.
DROP TABLE IF EXISTS #case_days_before;
SELECT * INTO #case_days_before
FROM dbo.case_days
WHERE opened <> 0 OR open_cases <> 0 OR at_risk <> 0 OR overdue <> 0 OR level1 <> 0 OR level2 <> 0 OR level3 <> 0
    OR resolved <> 0 OR breached <> 0 OR w00 <> 0 OR w01 <> 0 OR w02 <> 0 OR w03 <> 0 OR w04 <> 0
    OR w05 <> 0 OR w06 <> 0 OR w07 <> 0 OR w08 <> 0 OR w09 <> 0 OR w10 <> 0 OR w11 <> 0
    OR w12 <> 0 OR w13 <> 0 OR w14 <> 0 OR w15 <> 0 OR w16 <> 0 OR w17 <> 0;
DROP TABLE IF EXISTS #case_months_before;
SELECT * INTO #case_months_before FROM dbo.case_months WHERE opened <> 0;
DROP TABLE IF EXISTS #case_weeks_before;
SELECT * INTO #case_weeks_before FROM dbo.case_weeks WHERE opened <> 0;
DROP TABLE IF EXISTS #complaint_staff_days_before;
SELECT * INTO #complaint_staff_days_before FROM dbo.complaint_staff_days WHERE complaints <> 0 OR mistreatment <> 0;
