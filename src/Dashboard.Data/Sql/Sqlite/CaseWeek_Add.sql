-- One weekly counter's delta from one commit (CaseOpenedCounts); the first case of a key creates its row.
INSERT INTO case_weeks (region_code, week, unit_code, kind, category, opened)
VALUES (@RegionCode, @Period, @UnitCode, @Kind, @Category, @Opened)
ON CONFLICT (region_code, week, unit_code, kind, category) DO UPDATE SET opened = opened + excluded.opened;
