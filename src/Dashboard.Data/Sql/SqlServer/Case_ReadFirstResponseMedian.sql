-- The median wait for a first response (seconds) of the cases opened in the period (PERCENTILE_CONT averages the two
-- middle waits of an even count); nothing when no case has had its first response.
-- #include Zones
, waits AS (
    SELECT DATEDIFF_BIG(SECOND, c.opened_at_utc, c.first_response_met_utc) AS seconds
    -- #include FilteredCases
        -- #include OpenedDaysFilter
        AND c.first_response_met_utc IS NOT NULL
)
SELECT DISTINCT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY seconds) OVER () AS seconds
FROM waits
OPTION (RECOMPILE);
