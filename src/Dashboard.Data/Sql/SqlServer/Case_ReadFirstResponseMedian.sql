-- The median wait for a first response (seconds) of the cases opened in the period (PERCENTILE_CONT averages the two
-- middle waits of an even count); nothing when no case has had its first response.
WITH zones AS (
    SELECT time_zone, minutes
    FROM OPENJSON(@ZoneOffsets) WITH (time_zone VARCHAR(64) '$.zone', minutes INT '$.minutes')
),
waits AS (
    SELECT DATEDIFF_BIG(SECOND, c.opened_at_utc, c.first_response_met_utc) AS seconds
    FROM dbo.cases c
    LEFT JOIN dbo.units u ON u.code = c.unit_code
    LEFT JOIN zones z ON z.time_zone = u.time_zone COLLATE DATABASE_DEFAULT
    WHERE c.first_response_met_utc IS NOT NULL
        AND (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
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
)
SELECT DISTINCT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY seconds) OVER () AS seconds
FROM waits
OPTION (RECOMPILE);
