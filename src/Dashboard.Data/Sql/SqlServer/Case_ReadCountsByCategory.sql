-- Cases opened in the period per category, and how many of them are still open; most cases first.
WITH zones AS (
    SELECT time_zone, minutes
    FROM OPENJSON(@ZoneOffsets) WITH (time_zone VARCHAR(64) '$.zone', minutes INT '$.minutes')
)
SELECT c.category AS Category, COUNT(*) AS Cases, SUM(CASE WHEN c.is_open = 1 THEN 1 ELSE 0 END) AS OpenCases
FROM dbo.cases c
LEFT JOIN dbo.units u ON u.code = c.unit_code
LEFT JOIN zones z ON z.time_zone = u.time_zone COLLATE DATABASE_DEFAULT
WHERE (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode)
    AND (@RegionCode IS NULL OR c.region_code = @RegionCode)
    AND (@UnitCode IS NULL OR c.unit_code = @UnitCode)
    AND (@Kind IS NULL OR c.kind = @Kind)
    AND (@Category IS NULL OR c.category = @Category)
    AND (@Channel IS NULL OR c.channel = @Channel)
    AND (@Priority IS NULL OR c.priority = @Priority)
    AND (@Complex IS NULL OR c.is_complex = @Complex)
    AND (@OpenedFrom IS NULL OR (c.opened_at_utc >= @OpenedFromUtc AND CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.opened_at_utc), 23) >= @OpenedFrom))
    AND (@OpenedTo IS NULL OR (c.opened_at_utc < @OpenedToUtc AND CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.opened_at_utc), 23) <= @OpenedTo))
GROUP BY c.category
ORDER BY COUNT(*) DESC, c.category
OPTION (RECOMPILE);
