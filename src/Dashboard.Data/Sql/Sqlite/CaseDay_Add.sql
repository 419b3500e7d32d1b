-- One daily counter's delta from one commit (CaseDayCounts; unit_code '' for an institution's); the first case of a
-- key creates its row.
INSERT INTO case_days (unit_code, day, institution, kind, category, is_complex, region_code,
    opened, open_cases, at_risk, overdue, level1, level2, level3, resolved, breached,
    w00, w01, w02, w03, w04, w05, w06, w07, w08,
    w09, w10, w11, w12, w13, w14, w15, w16, w17)
VALUES (@UnitCode, @Day, @Institution, @Kind, @Category, @Complex, @RegionCode,
    @Opened, @OpenCases, @AtRisk, @Overdue, @Level1, @Level2, @Level3, @Resolved, @Breached,
    @W00, @W01, @W02, @W03, @W04, @W05, @W06, @W07, @W08,
    @W09, @W10, @W11, @W12, @W13, @W14, @W15, @W16, @W17)
ON CONFLICT (region_code, day, unit_code, institution, kind, category, is_complex) DO UPDATE SET
    opened = opened + excluded.opened, open_cases = open_cases + excluded.open_cases, at_risk = at_risk + excluded.at_risk, overdue = overdue + excluded.overdue,
    level1 = level1 + excluded.level1, level2 = level2 + excluded.level2, level3 = level3 + excluded.level3, resolved = resolved + excluded.resolved,
    breached = breached + excluded.breached, w00 = w00 + excluded.w00, w01 = w01 + excluded.w01, w02 = w02 + excluded.w02,
    w03 = w03 + excluded.w03, w04 = w04 + excluded.w04, w05 = w05 + excluded.w05, w06 = w06 + excluded.w06,
    w07 = w07 + excluded.w07, w08 = w08 + excluded.w08, w09 = w09 + excluded.w09, w10 = w10 + excluded.w10,
    w11 = w11 + excluded.w11, w12 = w12 + excluded.w12, w13 = w13 + excluded.w13, w14 = w14 + excluded.w14,
    w15 = w15 + excluded.w15, w16 = w16 + excluded.w16, w17 = w17 + excluded.w17;
