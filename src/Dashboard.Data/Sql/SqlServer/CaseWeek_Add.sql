-- One weekly counter's delta from one commit (CaseOpenedCounts); the first case of a key creates its row. Appenders
-- are serialized by the event sequence's lock, so the update-then-insert cannot race.
UPDATE dbo.case_weeks SET opened = opened + @Opened
WHERE region_code = @RegionCode AND week = @Period AND unit_code = @UnitCode AND kind = @Kind AND category = @Category;
IF @@ROWCOUNT = 0
    INSERT INTO dbo.case_weeks (region_code, week, unit_code, kind, category, opened)
    VALUES (@RegionCode, @Period, @UnitCode, @Kind, @Category, @Opened);
