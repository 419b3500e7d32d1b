-- The copy CaseDay_KeepBeforeRecount made, once the recount has compared with it.
DROP TABLE IF EXISTS #case_days_before;
DROP TABLE IF EXISTS #case_months_before;
DROP TABLE IF EXISTS #case_weeks_before;
DROP TABLE IF EXISTS #complaint_staff_days_before;
