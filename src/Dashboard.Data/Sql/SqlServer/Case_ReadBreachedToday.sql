-- The cases of a filter within the scope (opened in the period) that went past a deadline on their unit's current day
-- (a breach counts when its date on the unit's clock, @ZoneOffsets, is the date @Now has on that clock), open or
-- closed. Only the breaches since @BreachedSinceUtc (when today began on the earliest clock, DayZones.TodayBegan) are read, from their own indexes.
-- #include Zones
SELECT COUNT(*)
-- #include FilteredCases
    -- #include OpenedDaysFilter
    AND (c.first_response_breached_utc >= @BreachedSinceUtc OR c.resolution_breached_utc >= @BreachedSinceUtc)
    AND (CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.first_response_breached_utc), 23) = CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), @Now), 23)
        OR CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.resolution_breached_utc), 23) = CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), @Now), 23));
