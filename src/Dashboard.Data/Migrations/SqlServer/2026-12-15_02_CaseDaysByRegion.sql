-- The daily counters ordered by region and day (issue 24): a region's two years of complaints read 118,000 counters
-- through ix_case_days_region, one lookup each, in 386–434 ms at 10 M cases; in this order they are one contiguous
-- range, and so are the institutions' rows (region ''). A unit's reads go through ix_case_days_unit (a few thousand
-- counters). The region also keeps apart the counters of a unit that moved to another region: its older cases keep
-- the region they were opened in.
ALTER TABLE dbo.case_days DROP CONSTRAINT pk_case_days;
GO

DROP INDEX ix_case_days_region ON dbo.case_days;
GO

ALTER TABLE dbo.case_days ADD CONSTRAINT pk_case_days PRIMARY KEY CLUSTERED (region_code, day, unit_code, institution, kind, category, is_complex);
GO

CREATE INDEX ix_case_days_unit ON dbo.case_days (unit_code, day);
GO
