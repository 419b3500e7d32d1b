-- A region's units with their open cases, within the scope: a unit outside it is not listed. Breached today is
-- the unit's own day (@ZoneOffsets); the breach branches read the breach indexes from @BreachedSinceUtc on (rowid IN
-- …: left to itself SQLite read every case of the region by ix_cases_region_opened, 6–8 s at 10 M cases).
-- #include Zones
, open_cases AS (
    SELECT unit_code, COUNT(*) AS open_cases,
        SUM(CASE WHEN is_complex = 1 THEN 1 ELSE 0 END) AS open_complex,
        SUM(CASE WHEN sla_state = 'AtRisk' THEN 1 ELSE 0 END) AS at_risk,
        SUM(CASE WHEN sla_state = 'Breached' THEN 1 ELSE 0 END) AS overdue,
        MIN(opened_at_utc) AS oldest_opened
    FROM cases
    WHERE is_open = 1 AND region_code = @RegionCode
    GROUP BY unit_code
),
breaches AS (
    SELECT unit_code, case_id, first_response_breached_utc AS breached_at
    FROM cases
    WHERE rowid IN (SELECT rowid FROM cases WHERE first_response_breached_utc >= @BreachedSinceUtc) AND region_code = @RegionCode
    UNION ALL
    SELECT unit_code, case_id, resolution_breached_utc
    FROM cases
    WHERE rowid IN (SELECT rowid FROM cases WHERE resolution_breached_utc >= @BreachedSinceUtc) AND region_code = @RegionCode
),
breached_today AS (
    SELECT x.unit_code, COUNT(DISTINCT x.case_id) AS breached
    FROM breaches x
    LEFT JOIN units u ON u.code = x.unit_code
    LEFT JOIN zones z ON z.time_zone = u.time_zone
    WHERE date(x.breached_at, COALESCE(z.shift, '0 minutes')) = date(@Now, COALESCE(z.shift, '0 minutes'))
    GROUP BY x.unit_code
)
SELECT u.code AS UnitCode, u.name AS UnitName,
    COALESCE(o.open_cases, 0) AS OpenCases, COALESCE(o.open_complex, 0) AS OpenComplex, COALESCE(o.at_risk, 0) AS AtRisk,
    COALESCE(o.overdue, 0) AS Overdue, COALESCE(b.breached, 0) AS BreachedToday, o.oldest_opened AS OldestOpenedAt
FROM units u
LEFT JOIN open_cases o ON o.unit_code = u.code
LEFT JOIN breached_today b ON b.unit_code = u.code
WHERE u.region_code = @RegionCode
    AND (@ScopeRegionCode IS NULL OR u.region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR u.region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR u.code = @ScopeUnitCode)
ORDER BY u.name;
