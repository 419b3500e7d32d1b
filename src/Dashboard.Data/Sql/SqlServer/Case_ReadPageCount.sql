-- The same filter as Case_ReadPage: the total of all its pages.
WITH zones AS (
    SELECT time_zone, minutes
    FROM OPENJSON(@ZoneOffsets) WITH (time_zone VARCHAR(64) '$.zone', minutes INT '$.minutes')
)
SELECT COUNT(*)
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
    AND (@Open IS NULL OR c.is_open = @Open)
    AND (@Status IS NULL OR c.status = @Status)
    AND (@SlaState IS NULL OR c.sla_state = @SlaState)
    AND (@EscalationLevel IS NULL OR c.escalation_level = @EscalationLevel)
    AND (@BreachedToday = 0
        OR (c.first_response_breached_utc >= @BreachedSinceUtc AND CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.first_response_breached_utc), 23) = CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), @Now), 23))
        OR (c.resolution_breached_utc >= @BreachedSinceUtc AND CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.resolution_breached_utc), 23) = CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), @Now), 23)))
OPTION (RECOMPILE);
