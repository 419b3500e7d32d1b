-- Cases that went past a deadline (first response or resolution) per day of the period, each on its unit's clock
-- (@ZoneOffsets); a case breaching both clocks on one day counts once that day. Days without breaches are absent.
-- #include Zones
, breaches AS (
    SELECT c.case_id, CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.first_response_breached_utc), 23) AS day
    -- #include FilteredCases
        AND c.first_response_breached_utc >= @OpenedFromUtc AND c.first_response_breached_utc < @OpenedToUtc
    UNION ALL
    SELECT c.case_id, CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.resolution_breached_utc), 23)
    -- #include FilteredCases
        AND c.resolution_breached_utc >= @OpenedFromUtc AND c.resolution_breached_utc < @OpenedToUtc
)
SELECT day AS Day, COUNT(DISTINCT case_id) AS Breached
FROM breaches
WHERE day >= @OpenedFrom AND day <= @OpenedTo
GROUP BY day
ORDER BY day
OPTION (RECOMPILE);
