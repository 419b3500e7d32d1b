-- The cases a filtered read covers (needs the zones CTE): the caller's scope (@Scope…) and the query's filters are
-- ANDed, so a filter can narrow the scope, never widen it. The statement adds its own conditions as AND lines.
FROM dbo.cases c
LEFT JOIN dbo.units u ON u.code = c.unit_code
LEFT JOIN zones z ON z.time_zone = u.time_zone COLLATE DATABASE_DEFAULT
WHERE (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR c.region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode)
    AND (@RegionCode IS NULL OR c.region_code = @RegionCode)
    AND (@UnitCode IS NULL OR c.unit_code = @UnitCode)
    AND (@Kind IS NULL OR c.kind = @Kind)
    AND (@Category IS NULL OR c.category = @Category)
    AND (@Channel IS NULL OR c.channel = @Channel)
    AND (@Priority IS NULL OR c.priority = @Priority)
    AND (@Complex IS NULL OR c.is_complex = @Complex)
    AND (@StaffRole IS NULL OR c.staff_role = @StaffRole)
    AND (@ModuleCode IS NULL OR c.module_code = @ModuleCode)
