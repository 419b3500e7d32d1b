-- One unit's daily counters ('' the institutions'): the key, then the values in CaseDayCounts' order (the recount
-- compares them).
SELECT day, unit_code, region_code, institution, kind, category, is_complex,
    opened, open_cases, at_risk, overdue, level1, level2, level3, resolved, breached,
    w00, w01, w02, w03, w04, w05, w06, w07, w08,
    w09, w10, w11, w12, w13, w14, w15, w16, w17
FROM case_days
WHERE unit_code = @UnitCode;
