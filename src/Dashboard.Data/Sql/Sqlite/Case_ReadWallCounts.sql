-- The wall's big numbers within a scope, in one round trip.
SELECT
    (SELECT COUNT(*) FROM cases WHERE is_open = 1 AND (@RegionCode IS NULL OR region_code = @RegionCode)
    AND (@UnitCode IS NULL OR unit_code = @UnitCode)) AS OpenCases,
    (SELECT COUNT(*) FROM cases WHERE is_open = 1 AND is_complex = 1 AND (@RegionCode IS NULL OR region_code = @RegionCode)
    AND (@UnitCode IS NULL OR unit_code = @UnitCode)) AS OpenComplex,
    (SELECT COUNT(*) FROM cases WHERE is_open = 1 AND sla_state = 'AtRisk' AND (@RegionCode IS NULL OR region_code = @RegionCode)
    AND (@UnitCode IS NULL OR unit_code = @UnitCode)) AS AtRisk,
    (SELECT COUNT(*) FROM cases WHERE is_open = 1 AND sla_state = 'Breached' AND (@RegionCode IS NULL OR region_code = @RegionCode)
    AND (@UnitCode IS NULL OR unit_code = @UnitCode)) AS Overdue,
    (SELECT COUNT(*) FROM cases WHERE ((first_response_breached_utc >= @TodayStart AND first_response_breached_utc < @TomorrowStart)
        OR (resolution_breached_utc >= @TodayStart AND resolution_breached_utc < @TomorrowStart)) AND (@RegionCode IS NULL OR region_code = @RegionCode)
    AND (@UnitCode IS NULL OR unit_code = @UnitCode)) AS BreachedToday,
    (SELECT COUNT(*) FROM cases WHERE is_open = 1 AND escalation_level = 1 AND (@RegionCode IS NULL OR region_code = @RegionCode)
    AND (@UnitCode IS NULL OR unit_code = @UnitCode)) AS Level1,
    (SELECT COUNT(*) FROM cases WHERE is_open = 1 AND escalation_level = 2 AND (@RegionCode IS NULL OR region_code = @RegionCode)
    AND (@UnitCode IS NULL OR unit_code = @UnitCode)) AS Level2,
    (SELECT COUNT(*) FROM cases WHERE is_open = 1 AND escalation_level = 3 AND (@RegionCode IS NULL OR region_code = @RegionCode)
    AND (@UnitCode IS NULL OR unit_code = @UnitCode)) AS Level3;
