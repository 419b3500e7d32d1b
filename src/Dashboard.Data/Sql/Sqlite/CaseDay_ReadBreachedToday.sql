-- The cases of a filter within the scope that went past a deadline today, the day @Now has on each unit's clock
-- (@ZoneOffsets), from the units' daily counters of breaches (a case counts once on each day one of its clocks went
-- past a deadline): the overview's figure when it has no period. Counting the cases looked up every case breached in
-- the last day and a half (22,000 rows, 62–73 ms nationally at 10 M cases); each region's counters of its one or two
-- todays are a few hundred rows (10 ms). CROSS JOIN keeps that order: regions, their todays, the counters' key.
-- #include Zones
, todays AS (
    SELECT DISTINCT date(@Now, COALESCE(z.shift, '0 minutes')) AS day
    FROM units u
    LEFT JOIN zones z ON z.time_zone = u.time_zone
)
SELECT COALESCE(SUM(d.breached), 0)
FROM regions r
CROSS JOIN todays t
CROSS JOIN case_days d ON d.region_code = r.code AND d.day = t.day
JOIN units u ON u.code = d.unit_code
LEFT JOIN zones z ON z.time_zone = u.time_zone
WHERE d.unit_code <> '' AND d.day = date(@Now, COALESCE(z.shift, '0 minutes'))
    AND d.institution = @ScopeInstitution -- when @ScopeInstitution
    AND d.region_code = @ScopeRegionCode -- when @ScopeRegionCode
    AND d.unit_code = @ScopeUnitCode -- when @ScopeUnitCode
    AND d.region_code = @RegionCode -- when @RegionCode
    AND d.unit_code = @UnitCode -- when @UnitCode
    AND d.kind = @Kind -- when @Kind
    AND d.category = @Category -- when @Category
    AND d.is_complex = @Complex -- when @Complex
