-- The wall's big numbers within a scope, in one round trip: the open ones from the summary's counters (case_counts, a
-- few thousand rows however long the history), the day's breaches from the breach indexes.
SELECT
    COALESCE(SUM(cases), 0) AS OpenCases,
    COALESCE(SUM(CASE WHEN is_complex = 1 THEN cases ELSE 0 END), 0) AS OpenComplex,
    COALESCE(SUM(CASE WHEN sla_state = 'AtRisk' THEN cases ELSE 0 END), 0) AS AtRisk,
    COALESCE(SUM(CASE WHEN sla_state = 'Breached' THEN cases ELSE 0 END), 0) AS Overdue,
    (SELECT COUNT(*) FROM cases WHERE ((first_response_breached_utc >= @TodayStart AND first_response_breached_utc < @TomorrowStart)
        OR (resolution_breached_utc >= @TodayStart AND resolution_breached_utc < @TomorrowStart))
    AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)) AS BreachedToday,
    COALESCE(SUM(CASE WHEN escalation_level = 1 THEN cases ELSE 0 END), 0) AS Level1,
    COALESCE(SUM(CASE WHEN escalation_level = 2 THEN cases ELSE 0 END), 0) AS Level2,
    COALESCE(SUM(CASE WHEN escalation_level = 3 THEN cases ELSE 0 END), 0) AS Level3
FROM case_counts
WHERE is_open = 1
    AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode);
