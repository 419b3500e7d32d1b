-- The median wait for a first response (seconds) of the cases opened in the period: the middle wait, or the two
-- middle ones when the count is even (the store averages them); nothing when no case has had its first response.
-- #include Zones
, waits AS MATERIALIZED (
    SELECT CAST(ROUND((julianday(c.first_response_met_utc) - julianday(c.opened_at_utc)) * 86400) AS INTEGER) AS seconds
    -- #include FilteredCases
        -- #include OpenedDaysFilter
        AND c.first_response_met_utc IS NOT NULL
)
SELECT seconds
FROM waits
ORDER BY seconds
LIMIT 2 - (SELECT COUNT(*) FROM waits) % 2 OFFSET ((SELECT COUNT(*) FROM waits) - 1) / 2;
