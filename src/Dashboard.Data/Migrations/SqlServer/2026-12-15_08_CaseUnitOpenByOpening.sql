-- A unit's open cases in the order they were opened: a unit's oldest open case is the first entry of its range. The
-- same entries as before, a few bytes longer (the opening never changes); a filter on complexity is still answered in
-- the index.
DROP INDEX ix_cases_unit_open ON dbo.cases;
GO

CREATE INDEX ix_cases_unit_open ON dbo.cases (unit_code, is_open, opened_at_utc, is_complex);
GO
