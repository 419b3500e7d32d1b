-- The unit u within the caller's scope (@Scope…), narrowed by @RegionCode and @UnitCode: lines ANDed to a WHERE.
AND (@ScopeInstitution IS NULL OR u.institution = @ScopeInstitution)
AND (@ScopeRegionCode IS NULL OR u.region_code = @ScopeRegionCode)
AND (@ScopeUnitCode IS NULL OR u.code = @ScopeUnitCode)
AND (@RegionCode IS NULL OR u.region_code = @RegionCode)
AND (@UnitCode IS NULL OR u.code = @UnitCode)
