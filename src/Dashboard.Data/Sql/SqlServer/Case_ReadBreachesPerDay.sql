-- Cases that went past a deadline (first response or resolution) per day of the period, each on its unit's clock
-- (@ZoneOffsets); a case breaching both clocks on one day counts once that day. Days without breaches are absent.
WITH zones AS (
    SELECT time_zone, minutes
    FROM OPENJSON(@ZoneOffsets) WITH (time_zone VARCHAR(64) '$.zone', minutes INT '$.minutes')
),
breaches AS (
    SELECT c.case_id, CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.first_response_breached_utc), 23) AS day
    FROM dbo.cases c
    LEFT JOIN dbo.units u ON u.code = c.unit_code
    LEFT JOIN zones z ON z.time_zone = u.time_zone COLLATE DATABASE_DEFAULT
    WHERE c.first_response_breached_utc >= @OpenedFromUtc AND c.first_response_breached_utc < @OpenedToUtc
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
    SELECT c.case_id, CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.resolution_breached_utc), 23)
    FROM dbo.cases c
    LEFT JOIN dbo.units u ON u.code = c.unit_code
    LEFT JOIN zones z ON z.time_zone = u.time_zone COLLATE DATABASE_DEFAULT
    WHERE c.resolution_breached_utc >= @OpenedFromUtc AND c.resolution_breached_utc < @OpenedToUtc
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
SELECT day AS Day, COUNT(DISTINCT case_id) AS Breached
FROM breaches
WHERE day >= @OpenedFrom AND day <= @OpenedTo
GROUP BY day
ORDER BY day
OPTION (RECOMPILE);
