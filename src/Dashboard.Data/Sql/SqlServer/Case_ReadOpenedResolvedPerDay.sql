-- Opened and resolved cases per day of the period (@OpenedFrom–@OpenedTo), each on its unit's clock (@ZoneOffsets):
-- opened counts the cases opened that day, resolved the cases resolved that day whenever they were opened. Days
-- without either are absent. The @…Utc bounds only narrow the range an index has to read.
WITH zones AS (
    SELECT time_zone, minutes
    FROM OPENJSON(@ZoneOffsets) WITH (time_zone VARCHAR(64) '$.zone', minutes INT '$.minutes')
),
days AS (
    SELECT CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.opened_at_utc), 23) AS day, 1 AS opened, 0 AS resolved
    FROM dbo.cases c
    LEFT JOIN dbo.units u ON u.code = c.unit_code
    LEFT JOIN zones z ON z.time_zone = u.time_zone COLLATE DATABASE_DEFAULT
    WHERE c.opened_at_utc >= @OpenedFromUtc AND c.opened_at_utc < @OpenedToUtc
        AND (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
        AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode)
        AND (@RegionCode IS NULL OR c.region_code = @RegionCode)
        AND (@UnitCode IS NULL OR c.unit_code = @UnitCode)
        AND (@Kind IS NULL OR c.kind = @Kind)
        AND (@Category IS NULL OR c.category = @Category)
        AND (@Channel IS NULL OR c.channel = @Channel)
        AND (@Priority IS NULL OR c.priority = @Priority)
        AND (@Complex IS NULL OR c.is_complex = @Complex)
    UNION ALL
    SELECT CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.resolved_at_utc), 23), 0, 1
    FROM dbo.cases c
    LEFT JOIN dbo.units u ON u.code = c.unit_code
    LEFT JOIN zones z ON z.time_zone = u.time_zone COLLATE DATABASE_DEFAULT
    WHERE c.resolved_at_utc >= @OpenedFromUtc AND c.resolved_at_utc < @OpenedToUtc
        AND (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
        AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode)
        AND (@RegionCode IS NULL OR c.region_code = @RegionCode)
        AND (@UnitCode IS NULL OR c.unit_code = @UnitCode)
        AND (@Kind IS NULL OR c.kind = @Kind)
        AND (@Category IS NULL OR c.category = @Category)
        AND (@Channel IS NULL OR c.channel = @Channel)
        AND (@Priority IS NULL OR c.priority = @Priority)
        AND (@Complex IS NULL OR c.is_complex = @Complex)
)
SELECT day AS Day, SUM(opened) AS Opened, SUM(resolved) AS Resolved
FROM days
WHERE day >= @OpenedFrom AND day <= @OpenedTo
GROUP BY day
ORDER BY day
OPTION (RECOMPILE);
