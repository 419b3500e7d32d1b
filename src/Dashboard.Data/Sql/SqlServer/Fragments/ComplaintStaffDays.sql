-- The staff roles' counters a read covers (complaints only): the caller's scope and the query's filters are ANDed, so
-- a filter can narrow the scope, never widen it; the period is whole days on each unit's clock.
FROM dbo.complaint_staff_days s
WHERE s.day >= @OpenedFrom AND s.day <= @OpenedTo
    AND s.region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution) -- when @ScopeInstitution
    AND s.region_code = @ScopeRegionCode -- when @ScopeRegionCode
    AND s.unit_code = @ScopeUnitCode -- when @ScopeUnitCode
    AND s.region_code = @RegionCode -- when @RegionCode
    AND s.unit_code = @UnitCode -- when @UnitCode
    AND s.staff_role = @StaffRole -- when @StaffRole
