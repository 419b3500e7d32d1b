-- A region's cases of a period counted by what the region and unit pages break them down by (complaints per staff role,
-- mistreatment among them) read from this index alone: with the kind, the staff role, the category and the unit (whose
-- clock says the opening's day) in the entry, no case row is looked up. The same key as before; the included columns
-- also move when a case is reclassified.
DROP INDEX ix_cases_region_opened ON dbo.cases;
GO

CREATE INDEX ix_cases_region_opened ON dbo.cases (region_code, opened_at_utc) INCLUDE (kind, staff_role, category, unit_code);
GO
