-- The cases of a filter within the scope that went past a deadline today, the day @Now has on each unit's clock
-- (@ZoneOffsets), from the units' daily counters of breaches (a case counts once on each day one of its clocks went
-- past a deadline): the overview's figure when it has no period. Each unit's today is one seek of ix_case_days_unit,
-- under every region the unit's cases were opened in.
-- #include Zones
SELECT COALESCE(SUM(d.breached), 0)
FROM dbo.units u
LEFT JOIN zones z ON z.time_zone = u.time_zone COLLATE DATABASE_DEFAULT
JOIN dbo.case_days d ON d.unit_code = u.code AND d.day = CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), @Now), 23)
WHERE d.region_code > ''
    AND d.institution = @ScopeInstitution -- when @ScopeInstitution
    AND d.region_code = @ScopeRegionCode -- when @ScopeRegionCode
    AND d.unit_code = @ScopeUnitCode -- when @ScopeUnitCode
    AND d.region_code = @RegionCode -- when @RegionCode
    AND d.unit_code = @UnitCode -- when @UnitCode
    AND d.kind = @Kind -- when @Kind
    AND d.category = @Category -- when @Category
    AND d.is_complex = @Complex -- when @Complex
OPTION (RECOMPILE);
