-- The overview's big numbers for a filter within the scope: open cases now, and the cases that went past a deadline
-- on their unit's current day (a breach counts when its date on the unit's clock, @ZoneOffsets, is the date @Now has
-- on that clock). Two disjoint branches, open cases and closed ones breached since @BreachedSinceUtc (when today
-- began on the earliest clock), so the second reads the breach indexes instead of every case ever closed.
-- #include Zones
, filtered AS (
    SELECT c.is_open, c.is_complex, c.sla_state, c.escalation_level,
        date(c.first_response_breached_utc, COALESCE(z.shift, '0 minutes')) AS first_response_breached_day,
        date(c.resolution_breached_utc, COALESCE(z.shift, '0 minutes')) AS resolution_breached_day,
        date(@Now, COALESCE(z.shift, '0 minutes')) AS today
    -- #include FilteredCases
        -- #include OpenedDaysFilter
        AND c.is_open = 1
    UNION ALL
    SELECT c.is_open, c.is_complex, c.sla_state, c.escalation_level,
        date(c.first_response_breached_utc, COALESCE(z.shift, '0 minutes')),
        date(c.resolution_breached_utc, COALESCE(z.shift, '0 minutes')),
        date(@Now, COALESCE(z.shift, '0 minutes'))
    -- #include FilteredCases
        -- #include OpenedDaysFilter
        AND c.is_open = 0
        AND (c.first_response_breached_utc >= @BreachedSinceUtc OR c.resolution_breached_utc >= @BreachedSinceUtc)
)
SELECT
    COALESCE(SUM(CASE WHEN is_open = 1 THEN 1 ELSE 0 END), 0) AS OpenCases,
    COALESCE(SUM(CASE WHEN is_open = 1 AND is_complex = 1 THEN 1 ELSE 0 END), 0) AS OpenComplex,
    COALESCE(SUM(CASE WHEN is_open = 1 AND sla_state = 'AtRisk' THEN 1 ELSE 0 END), 0) AS AtRisk,
    COALESCE(SUM(CASE WHEN is_open = 1 AND sla_state = 'Breached' THEN 1 ELSE 0 END), 0) AS Overdue,
    COALESCE(SUM(CASE WHEN first_response_breached_day = today OR resolution_breached_day = today THEN 1 ELSE 0 END), 0) AS BreachedToday,
    COALESCE(SUM(CASE WHEN is_open = 1 AND escalation_level = 1 THEN 1 ELSE 0 END), 0) AS Level1,
    COALESCE(SUM(CASE WHEN is_open = 1 AND escalation_level = 2 THEN 1 ELSE 0 END), 0) AS Level2,
    COALESCE(SUM(CASE WHEN is_open = 1 AND escalation_level = 3 THEN 1 ELSE 0 END), 0) AS Level3
FROM filtered;
