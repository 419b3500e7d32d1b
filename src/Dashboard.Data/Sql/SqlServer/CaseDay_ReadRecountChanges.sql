-- How many counters the recount changed, daily, monthly, weekly and per staff role: keys whose values differ from the copy kept before it, or that only one side has.
SELECT (
    SELECT COUNT(*) FROM (
        SELECT unit_code, day, institution, kind, category, is_complex FROM (SELECT * FROM dbo.case_days EXCEPT SELECT * FROM #case_days_before) added
        UNION
        SELECT unit_code, day, institution, kind, category, is_complex FROM (SELECT * FROM #case_days_before EXCEPT SELECT * FROM dbo.case_days) removed
    ) changed
) + (
    SELECT COUNT(*) FROM (
        SELECT region_code, month, unit_code, kind, category FROM (SELECT * FROM dbo.case_months EXCEPT SELECT * FROM #case_months_before) added
        UNION
        SELECT region_code, month, unit_code, kind, category FROM (SELECT * FROM #case_months_before EXCEPT SELECT * FROM dbo.case_months) removed
    ) changed
) + (
    SELECT COUNT(*) FROM (
        SELECT region_code, week, unit_code, kind, category FROM (SELECT * FROM dbo.case_weeks EXCEPT SELECT * FROM #case_weeks_before) added
        UNION
        SELECT region_code, week, unit_code, kind, category FROM (SELECT * FROM #case_weeks_before EXCEPT SELECT * FROM dbo.case_weeks) removed
    ) changed
) + (
    SELECT COUNT(*) FROM (
        SELECT region_code, day, unit_code, staff_role FROM (SELECT * FROM dbo.complaint_staff_days EXCEPT SELECT * FROM #complaint_staff_days_before) added
        UNION
        SELECT region_code, day, unit_code, staff_role FROM (SELECT * FROM #complaint_staff_days_before EXCEPT SELECT * FROM dbo.complaint_staff_days) removed
    ) changed
);
