-- How many counters the recount changed: keys whose values differ from the copy kept before it, or that only one side has.
SELECT COUNT(*) FROM (
    SELECT unit_code, day, institution, kind, category, is_complex FROM (SELECT * FROM dbo.case_days EXCEPT SELECT * FROM #case_days_before) added
    UNION
    SELECT unit_code, day, institution, kind, category, is_complex FROM (SELECT * FROM #case_days_before EXCEPT SELECT * FROM dbo.case_days) removed
) changed;
