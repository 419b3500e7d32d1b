-- Cases opened in the period per category, and how many of them are still open; most cases first.
WITH zones AS (
    SELECT json_extract(value, '$.zone') AS time_zone, json_extract(value, '$.minutes') || ' minutes' AS shift
    FROM json_each(@ZoneOffsets)
)
SELECT c.category AS Category, COUNT(*) AS Cases, SUM(CASE WHEN c.is_open = 1 THEN 1 ELSE 0 END) AS OpenCases
FROM cases c
LEFT JOIN units u ON u.code = c.unit_code
LEFT JOIN zones z ON z.time_zone = u.time_zone
WHERE (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
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
GROUP BY c.category
ORDER BY COUNT(*) DESC, c.category;
