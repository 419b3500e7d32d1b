-- The open cases among Case_ReadPage's matches by whole days since opening (24-hour periods before @Now, passed
-- in as the instants 3, 8 and 16 days earlier): 0–2, 3–7, 8–15 and more than 15 days.
WITH zones AS (
    SELECT json_extract(value, '$.zone') AS time_zone, json_extract(value, '$.minutes') || ' minutes' AS shift
    FROM json_each(@ZoneOffsets)
)
SELECT
    COALESCE(SUM(CASE WHEN c.opened_at_utc > @Days3Ago THEN 1 ELSE 0 END), 0) AS Days0To2,
    COALESCE(SUM(CASE WHEN c.opened_at_utc <= @Days3Ago AND c.opened_at_utc > @Days8Ago THEN 1 ELSE 0 END), 0) AS Days3To7,
    COALESCE(SUM(CASE WHEN c.opened_at_utc <= @Days8Ago AND c.opened_at_utc > @Days16Ago THEN 1 ELSE 0 END), 0) AS Days8To15,
    COALESCE(SUM(CASE WHEN c.opened_at_utc <= @Days16Ago THEN 1 ELSE 0 END), 0) AS Over15
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
        OR (c.resolution_breached_utc >= @BreachedSinceUtc AND date(c.resolution_breached_utc, COALESCE(z.shift, '0 minutes')) = date(@Now, COALESCE(z.shift, '0 minutes'))))
    AND c.is_open = 1;
