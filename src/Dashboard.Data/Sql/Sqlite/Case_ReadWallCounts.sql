-- The wall's big numbers within a scope, in one round trip and one pass over the open cases. They are found region
-- by region through ix_cases_region_open (the IN list), so the closed history, which only grows, is never read.
SELECT
    COUNT(*) AS OpenCases,
    COALESCE(SUM(is_complex), 0) AS OpenComplex,
    COALESCE(SUM(sla_state = 'AtRisk'), 0) AS AtRisk,
    COALESCE(SUM(sla_state = 'Breached'), 0) AS Overdue,
    (SELECT COUNT(*) FROM cases WHERE ((first_response_breached_utc >= @TodayStart AND first_response_breached_utc < @TomorrowStart)
        OR (resolution_breached_utc >= @TodayStart AND resolution_breached_utc < @TomorrowStart)) AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)) AS BreachedToday,
    COALESCE(SUM(escalation_level = 1), 0) AS Level1,
    COALESCE(SUM(escalation_level = 2), 0) AS Level2,
    COALESCE(SUM(escalation_level = 3), 0) AS Level3
FROM cases
WHERE is_open = 1
    AND region_code IN (SELECT code FROM regions WHERE (@ScopeRegionCode IS NULL OR code = @ScopeRegionCode) AND (@ScopeInstitution IS NULL OR institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode);
