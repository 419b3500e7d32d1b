-- A region's units with their open cases, within the scope: a unit outside it is not listed. The numbers come from
-- the counters the appender keeps (case_counts by SLA state; case_days' breaches on the unit's own day, @ZoneOffsets);
-- only the oldest open case of each unit is read from the cases, through the region's open-case index.
-- #include Zones
, open_cases AS (
    SELECT unit_code, SUM(cases) AS open_cases,
        SUM(CASE WHEN is_complex = 1 THEN cases ELSE 0 END) AS open_complex,
        SUM(CASE WHEN sla_state = 'AtRisk' THEN cases ELSE 0 END) AS at_risk,
        SUM(CASE WHEN sla_state = 'Breached' THEN cases ELSE 0 END) AS overdue
    FROM dbo.case_counts
    WHERE is_open = 1 AND region_code = @RegionCode
    GROUP BY unit_code
),
oldest AS (
    SELECT unit_code, MIN(opened_at_utc) AS oldest_opened
    FROM dbo.cases
    WHERE is_open = 1 AND region_code = @RegionCode
    GROUP BY unit_code
),
breached_today AS (
    SELECT d.unit_code, SUM(d.breached) AS breached
    FROM dbo.units u
    LEFT JOIN zones z ON z.time_zone = u.time_zone COLLATE DATABASE_DEFAULT
    JOIN dbo.case_days d ON d.region_code = u.region_code AND d.unit_code = u.code
        AND d.day = CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), @Now), 23)
    WHERE u.region_code = @RegionCode
    GROUP BY d.unit_code
)
SELECT u.code AS UnitCode, u.name AS UnitName,
    COALESCE(o.open_cases, 0) AS OpenCases, COALESCE(o.open_complex, 0) AS OpenComplex, COALESCE(o.at_risk, 0) AS AtRisk,
    COALESCE(o.overdue, 0) AS Overdue, COALESCE(b.breached, 0) AS BreachedToday, a.oldest_opened AS OldestOpenedAt
FROM dbo.units u
LEFT JOIN open_cases o ON o.unit_code = u.code
LEFT JOIN oldest a ON a.unit_code = u.code
LEFT JOIN breached_today b ON b.unit_code = u.code
WHERE u.region_code = @RegionCode
    AND (@ScopeRegionCode IS NULL OR u.region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR u.region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR u.code = @ScopeUnitCode)
ORDER BY u.name
OPTION (RECOMPILE);
