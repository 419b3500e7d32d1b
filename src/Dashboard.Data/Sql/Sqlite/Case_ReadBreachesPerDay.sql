-- Cases that went past a deadline (first response or resolution) per day of the period, each on its unit's clock
-- (@ZoneOffsets); a case breaching both clocks on one day counts once that day. Days without breaches are absent.
-- The period's breaches are picked from their own indexes (rowid IN …), so a region's or unit's filter only checks
-- them instead of leading the read through every case the region ever had.
-- #include Zones
, breaches AS (
    SELECT c.case_id, date(c.first_response_breached_utc, COALESCE(z.shift, '0 minutes')) AS day
    -- #include FilteredCases
        AND c.rowid IN (SELECT rowid FROM cases WHERE first_response_breached_utc >= @OpenedFromUtc AND first_response_breached_utc < @OpenedToUtc)
    UNION ALL
    SELECT c.case_id, date(c.resolution_breached_utc, COALESCE(z.shift, '0 minutes'))
    -- #include FilteredCases
        AND c.rowid IN (SELECT rowid FROM cases WHERE resolution_breached_utc >= @OpenedFromUtc AND resolution_breached_utc < @OpenedToUtc)
)
SELECT day AS Day, COUNT(DISTINCT case_id) AS Breached
FROM breaches
WHERE day >= @OpenedFrom AND day <= @OpenedTo
GROUP BY day
ORDER BY day;
