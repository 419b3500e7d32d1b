-- The daily counters a read covers: a unit's rows when the scope or the filter names a region or a unit (@ByUnit),
-- else the institutions' rows (unit_code ''). The caller's scope and the query's filters are ANDed, so a filter can
-- narrow the scope, never widen it; the period is whole days on each unit's clock. A unit's rows are also asked for
-- by region_code > '' (every unit row has one): that keeps the planner in the table's order when no region or unit is
-- named (with a category it walked ix_case_days_unit and looked each row up again: 15 s for a national year of one
-- category at 10 M cases, 1.7–1.9 s now).
FROM case_days d
WHERE d.day >= @OpenedFrom AND d.day <= @OpenedTo
    AND d.region_code > '' AND d.unit_code <> '' -- when @ByUnit
    AND d.unit_code = '' -- when @ByInstitution
    AND d.institution = @ScopeInstitution -- when @ScopeInstitution
    AND d.region_code = @ScopeRegionCode -- when @ScopeRegionCode
    AND d.unit_code = @ScopeUnitCode -- when @ScopeUnitCode
    AND d.region_code = @RegionCode -- when @RegionCode
    AND d.unit_code = @UnitCode -- when @UnitCode
    AND d.kind = @Kind -- when @Kind
    AND d.category = @Category -- when @Category
    AND d.is_complex = @Complex -- when @Complex
