-- The same filter as Case_ReadPage: the total of all its pages.
-- #include Zones
SELECT COUNT(*)
-- #include FilteredCases
    -- #include OpenedDaysFilter
    -- #include StateFilters
;
