-- One page of an export: the filtered cases in opening order, after the last one of the previous page (keyset, so
-- page 500 costs what page 1 does and a case opened meanwhile never shifts a row into or out of the file). The reader
-- always binds the key, so the range reads ix_cases_opened from where the last page stopped.
-- #include Zones
SELECT TOP (@Take)
    -- #include CaseColumns
-- #include FilteredCases
    -- #include OpenedDaysFilter
    -- #include StateFilters
    AND c.opened_at_utc >= @AfterOpenedUtc AND (c.opened_at_utc > @AfterOpenedUtc OR c.case_id > @AfterCaseId)
ORDER BY c.opened_at_utc, c.case_id
OPTION (RECOMPILE);
