-- The wall's big numbers within a scope, in one round trip.
SELECT
    (SELECT COUNT(*) FROM dbo.cases WHERE is_open = 1 AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)) AS OpenCases,
    (SELECT COUNT(*) FROM dbo.cases WHERE is_open = 1 AND is_complex = 1 AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)) AS OpenComplex,
    (SELECT COUNT(*) FROM dbo.cases WHERE is_open = 1 AND sla_state = 'AtRisk' AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)) AS AtRisk,
    (SELECT COUNT(*) FROM dbo.cases WHERE is_open = 1 AND sla_state = 'Breached' AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)) AS Overdue,
    (SELECT COUNT(*) FROM dbo.cases WHERE ((first_response_breached_utc >= @TodayStart AND first_response_breached_utc < @TomorrowStart)
        OR (resolution_breached_utc >= @TodayStart AND resolution_breached_utc < @TomorrowStart)) AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)) AS BreachedToday,
    (SELECT COUNT(*) FROM dbo.cases WHERE is_open = 1 AND escalation_level = 1 AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)) AS Level1,
    (SELECT COUNT(*) FROM dbo.cases WHERE is_open = 1 AND escalation_level = 2 AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)) AS Level2,
    (SELECT COUNT(*) FROM dbo.cases WHERE is_open = 1 AND escalation_level = 3 AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)) AS Level3
OPTION (RECOMPILE);
