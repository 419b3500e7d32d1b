-- A unit's cases in opening order, whatever their status: a unit's list of every status, newest first, read the unit's
-- whole history and sorted it (96–129 ms at 10 M cases on SQLite, twice per page load); now it stops at the page. Open
-- and complex stay in the key, so a unit's open cases and their counts are still told apart without a case row. It
-- replaces ix_cases_unit_open rather than joining it: a second index by unit measurably slowed ingestion. The same
-- entries, a few bytes longer.
DROP INDEX ix_cases_unit_open ON dbo.cases;
GO

CREATE INDEX ix_cases_unit_opened ON dbo.cases (unit_code, opened_at_utc, is_open, is_complex);
