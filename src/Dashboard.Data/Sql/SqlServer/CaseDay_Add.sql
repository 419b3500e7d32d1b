-- One daily counter's delta from one commit (CaseDayCounts; unit_code '' for an institution's); the first case of a
-- key creates its row. Appenders are serialized by the event sequence's lock, so the update-then-insert cannot race.
UPDATE dbo.case_days SET
    opened = opened + @Opened, open_cases = open_cases + @OpenCases, at_risk = at_risk + @AtRisk, overdue = overdue + @Overdue,
    level1 = level1 + @Level1, level2 = level2 + @Level2, level3 = level3 + @Level3, resolved = resolved + @Resolved,
    breached = breached + @Breached, w00 = w00 + @W00, w01 = w01 + @W01, w02 = w02 + @W02,
    w03 = w03 + @W03, w04 = w04 + @W04, w05 = w05 + @W05, w06 = w06 + @W06,
    w07 = w07 + @W07, w08 = w08 + @W08, w09 = w09 + @W09, w10 = w10 + @W10,
    w11 = w11 + @W11, w12 = w12 + @W12, w13 = w13 + @W13, w14 = w14 + @W14,
    w15 = w15 + @W15, w16 = w16 + @W16, w17 = w17 + @W17
WHERE region_code = @RegionCode AND day = @Day AND unit_code = @UnitCode AND institution = @Institution AND kind = @Kind AND category = @Category AND is_complex = @Complex;
IF @@ROWCOUNT = 0
    INSERT INTO dbo.case_days (unit_code, day, institution, kind, category, is_complex, region_code,
        opened, open_cases, at_risk, overdue, level1, level2, level3, resolved, breached,
        w00, w01, w02, w03, w04, w05, w06, w07, w08,
        w09, w10, w11, w12, w13, w14, w15, w16, w17)
    VALUES (@UnitCode, @Day, @Institution, @Kind, @Category, @Complex, @RegionCode,
        @Opened, @OpenCases, @AtRisk, @Overdue, @Level1, @Level2, @Level3, @Resolved, @Breached,
        @W00, @W01, @W02, @W03, @W04, @W05, @W06, @W07, @W08,
        @W09, @W10, @W11, @W12, @W13, @W14, @W15, @W16, @W17);
