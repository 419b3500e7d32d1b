-- The cases a filtered read covers (needs the zones CTE): the caller's scope (@Scope…) and the query's filters are
-- ANDed, so a filter can narrow the scope, never widen it; a filter without a value leaves the statement
-- (SqlScripts.For). The statement adds its own conditions as AND lines. The unit clocks are joined unless a read that
-- needs no day on them leaves them out (@UnitClock null): then a read of indexed columns only reads no table row.
FROM cases c
LEFT JOIN units u ON u.code = c.unit_code -- when @UnitClock
LEFT JOIN zones z ON z.time_zone = u.time_zone -- when @UnitClock
WHERE 1 = 1
    AND c.region_code = @ScopeRegionCode -- when @ScopeRegionCode
    AND c.region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution) -- when @ScopeInstitution
    AND c.unit_code = @ScopeUnitCode -- when @ScopeUnitCode
    AND c.region_code = @RegionCode -- when @RegionCode
    AND c.unit_code = @UnitCode -- when @UnitCode
    AND c.kind = @Kind -- when @Kind
    AND c.category = @Category -- when @Category
    AND c.channel = @Channel -- when @Channel
    AND c.priority = @Priority -- when @Priority
    AND c.is_complex = @Complex -- when @Complex
    AND c.staff_role = @StaffRole -- when @StaffRole
    AND c.module_code = @ModuleCode -- when @ModuleCode
