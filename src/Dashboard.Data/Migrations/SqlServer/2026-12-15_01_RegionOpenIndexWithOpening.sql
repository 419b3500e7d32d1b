-- The region index of open cases also carries each case's opening and unit (issue 24): a national list's age buckets
-- read every case; now they seek each region's open cases (the statement lists the regions) and read both columns
-- from the index. Neither column ever changes.
DROP INDEX ix_cases_region_open ON dbo.cases;
GO

CREATE INDEX ix_cases_region_open ON dbo.cases (region_code, is_open, is_complex) INCLUDE (opened_at_utc, unit_code);
GO
