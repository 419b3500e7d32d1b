-- The staff roles' counters a read covers (complaints only): the caller's scope and the query's filters are ANDed, so
-- a filter can narrow the scope, never widen it; the period is whole days on each unit's clock. The table is keyed
-- by region first: a unit's rows are sought in the regions its cases were opened under, which the weekly counters
-- keep by unit (a unit that moved has rows under both).
FROM dbo.complaint_staff_days s
WHERE s.day >= @OpenedFrom AND s.day <= @OpenedTo
    -- Nationally, every region sought by its days (a scan read all 1.2 M rows at 10 M cases, 107 ms).
    AND s.region_code IN (SELECT code FROM dbo.regions) -- when @AllRegions
    AND s.region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution) -- when @ScopeInstitution
    AND s.region_code = @ScopeRegionCode -- when @ScopeRegionCode
    AND s.unit_code = @ScopeUnitCode -- when @ScopeUnitCode
    AND s.region_code IN (SELECT w.region_code FROM dbo.case_weeks w WHERE w.unit_code = @ScopeUnitCode) -- when @ScopeUnitCode
    AND s.region_code = @RegionCode -- when @RegionCode
    AND s.unit_code = @UnitCode -- when @UnitCode
    AND s.region_code IN (SELECT w.region_code FROM dbo.case_weeks w WHERE w.unit_code = @UnitCode) -- when @UnitCode
    AND s.staff_role = @StaffRole -- when @StaffRole
