-- A region's units with their open cases, within the scope: a unit outside it is not listed. The numbers come from
-- the counters the appender keeps (case_counts by SLA state; case_days' breaches on the unit's own day, @ZoneOffsets);
-- only the oldest open case of each unit is read from the cases, through the region's open-case index. Reading every
-- open case and two days of national breaches took 160–230 ms for an OOAD at 10 M cases.
-- #include Zones
, open_cases AS (
    SELECT unit_code, SUM(cases) AS open_cases,
        SUM(CASE WHEN is_complex = 1 THEN cases ELSE 0 END) AS open_complex,
        SUM(CASE WHEN sla_state = 'AtRisk' THEN cases ELSE 0 END) AS at_risk,
        SUM(CASE WHEN sla_state = 'Breached' THEN cases ELSE 0 END) AS overdue
    FROM case_counts
    WHERE is_open = 1 AND region_code = @RegionCode
    GROUP BY unit_code
),
oldest AS (
    SELECT unit_code, MIN(opened_at_utc) AS oldest_opened
    FROM cases
    WHERE is_open = 1 AND region_code = @RegionCode
    GROUP BY unit_code
),
-- Today differs between the region's clocks only at midnight: each clock's today is sought in the counters' key.
todays AS (
    SELECT DISTINCT date(@Now, COALESCE(z.shift, '0 minutes')) AS day
    FROM units u
    LEFT JOIN zones z ON z.time_zone = u.time_zone
    WHERE u.region_code = @RegionCode
),
breached_today AS (
    SELECT d.unit_code, SUM(d.breached) AS breached
    FROM todays t
    JOIN case_days d ON d.region_code = @RegionCode AND d.day = t.day
    JOIN units u ON u.code = d.unit_code
    LEFT JOIN zones z ON z.time_zone = u.time_zone
    WHERE d.day = date(@Now, COALESCE(z.shift, '0 minutes'))
    GROUP BY d.unit_code
)
SELECT u.code AS UnitCode, u.name AS UnitName,
    COALESCE(o.open_cases, 0) AS OpenCases, COALESCE(o.open_complex, 0) AS OpenComplex, COALESCE(o.at_risk, 0) AS AtRisk,
    COALESCE(o.overdue, 0) AS Overdue, COALESCE(b.breached, 0) AS BreachedToday, a.oldest_opened AS OldestOpenedAt
FROM units u
LEFT JOIN open_cases o ON o.unit_code = u.code
LEFT JOIN oldest a ON a.unit_code = u.code
LEFT JOIN breached_today b ON b.unit_code = u.code
WHERE u.region_code = @RegionCode
    AND (@ScopeRegionCode IS NULL OR u.region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR u.region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR u.code = @ScopeUnitCode)
ORDER BY u.name;
