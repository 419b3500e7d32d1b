-- Cases that went past a deadline (first response or resolution) per day of the period, each on its unit's clock
-- (@ZoneOffsets); a case breaching both clocks on one day counts once that day. Days without breaches are absent.
WITH zones AS (
    SELECT json_extract(value, '$.zone') AS time_zone, json_extract(value, '$.minutes') || ' minutes' AS shift
    FROM json_each(@ZoneOffsets)
),
breaches AS (
    SELECT c.case_id, date(c.first_response_breached_utc, COALESCE(z.shift, '0 minutes')) AS day
    FROM cases c
    LEFT JOIN units u ON u.code = c.unit_code
    LEFT JOIN zones z ON z.time_zone = u.time_zone
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
    SELECT c.case_id, date(c.resolution_breached_utc, COALESCE(z.shift, '0 minutes'))
    FROM cases c
    LEFT JOIN units u ON u.code = c.unit_code
    LEFT JOIN zones z ON z.time_zone = u.time_zone
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
ORDER BY day;
