-- A region's reads over a period (the overview, the complaint charts, a list with from/to, newest first) read only the
-- region's cases of the period, in opening order, instead of every case the region ever had or every case of the
-- period. Written once when a case opens: neither column ever changes. A unit's history is small enough for
-- ix_cases_unit_open; a second index by unit measurably slowed ingestion (the http benchmark's floor).
CREATE INDEX ix_cases_region_opened ON dbo.cases (region_code, opened_at_utc);
