-- The cases of a filter within the scope (opened in the period) that went past a deadline on their unit's current day
-- (a breach counts when its date on the unit's clock, @ZoneOffsets, is the date @Now has on that clock), open or
-- closed. Only the breaches since @BreachedSinceUtc (when today began on the earliest clock, DayZones.TodayBegan) are read, from their own indexes
-- (UNION ALL: a UNION made SQLite merge both sides in rowid order by scanning every case, 7.2 s at 10 M).
-- #include Zones
SELECT COUNT(*)
-- #include FilteredCases
    -- #include OpenedDaysFilter
    AND c.rowid IN (
        SELECT rowid FROM cases WHERE first_response_breached_utc >= @BreachedSinceUtc
        UNION ALL
        SELECT rowid FROM cases WHERE resolution_breached_utc >= @BreachedSinceUtc)
    AND (date(c.first_response_breached_utc, COALESCE(z.shift, '0 minutes')) = date(@Now, COALESCE(z.shift, '0 minutes'))
        OR date(c.resolution_breached_utc, COALESCE(z.shift, '0 minutes')) = date(@Now, COALESCE(z.shift, '0 minutes')));
