-- The median wait for a first response (seconds) of the cases opened in the period: the middle wait, or the two
-- middle ones when the count is even (the store averages them); nothing when no case has had its first response.
WITH zones AS (
    SELECT json_extract(value, '$.zone') AS time_zone, json_extract(value, '$.minutes') || ' minutes' AS shift
    FROM json_each(@ZoneOffsets)
),
waits AS (
    SELECT CAST(ROUND((julianday(c.first_response_met_utc) - julianday(c.opened_at_utc)) * 86400) AS INTEGER) AS seconds
    FROM cases c
    LEFT JOIN units u ON u.code = c.unit_code
    LEFT JOIN zones z ON z.time_zone = u.time_zone
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
        AND (@OpenedFrom IS NULL OR (c.opened_at_utc >= @OpenedFromUtc AND date(c.opened_at_utc, COALESCE(z.shift, '0 minutes')) >= @OpenedFrom))
        AND (@OpenedTo IS NULL OR (c.opened_at_utc < @OpenedToUtc AND date(c.opened_at_utc, COALESCE(z.shift, '0 minutes')) <= @OpenedTo))
)
SELECT seconds
FROM waits
ORDER BY seconds
LIMIT 2 - (SELECT COUNT(*) FROM waits) % 2 OFFSET ((SELECT COUNT(*) FROM waits) - 1) / 2;
