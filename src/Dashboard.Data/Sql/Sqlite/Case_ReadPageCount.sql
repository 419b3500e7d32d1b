-- The same filter as Case_ReadPage: the total of all its pages.
WITH zones AS (
    SELECT json_extract(value, '$.zone') AS time_zone, json_extract(value, '$.minutes') || ' minutes' AS shift
    FROM json_each(@ZoneOffsets)
)
SELECT COUNT(*)
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
    AND (@Open IS NULL OR c.is_open = @Open)
    AND (@Status IS NULL OR c.status = @Status)
    AND (@SlaState IS NULL OR c.sla_state = @SlaState)
    AND (@EscalationLevel IS NULL OR c.escalation_level = @EscalationLevel)
    AND (@BreachedToday = 0
        OR (c.first_response_breached_utc >= @BreachedSinceUtc AND date(c.first_response_breached_utc, COALESCE(z.shift, '0 minutes')) = date(@Now, COALESCE(z.shift, '0 minutes')))
        OR (c.resolution_breached_utc >= @BreachedSinceUtc AND date(c.resolution_breached_utc, COALESCE(z.shift, '0 minutes')) = date(@Now, COALESCE(z.shift, '0 minutes'))));
