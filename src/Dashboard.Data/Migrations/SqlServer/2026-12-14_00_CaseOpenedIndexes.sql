-- A region's or unit's reads over a period (the overview, the complaint charts, a list with from/to, newest first)
-- read only that place's cases of the period, in opening order, instead of every case the place ever had or every
-- case of the period. Written once when a case opens: neither column ever changes.
CREATE INDEX ix_cases_region_opened ON dbo.cases (region_code, opened_at_utc);
GO

CREATE INDEX ix_cases_unit_opened ON dbo.cases (unit_code, opened_at_utc);
