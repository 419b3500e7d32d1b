-- The wall's big numbers as they stood at @At, for its trend marks (the same hour yesterday, a week ago). Rebuilt from
-- each case's timestamps: the cases open now and those resolved since @At, both opened by then; a breach
-- stays a breach (as on the board), a warning counts while its clock was still running. A pause is not replayed: a
-- case paused at @At counts as it stands now.
WITH scoped AS (
    SELECT is_complex, first_response_breached_utc, resolution_breached_utc, first_response_warned_utc, first_response_met_utc,
        resolution_warned_utc, resolution_met_utc FROM dbo.cases
    WHERE is_open = 1 AND opened_at_utc <= @At
        AND region_code IN (SELECT code FROM dbo.regions WHERE (@ScopeRegionCode IS NULL OR code = @ScopeRegionCode)
            AND (@ScopeInstitution IS NULL OR institution = @ScopeInstitution))
        AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
    UNION ALL
    SELECT is_complex, first_response_breached_utc, resolution_breached_utc, first_response_warned_utc, first_response_met_utc,
        resolution_warned_utc, resolution_met_utc FROM dbo.cases
    WHERE is_open = 0 AND resolved_at_utc > @At AND opened_at_utc <= @At
        AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
), flagged AS (
    SELECT is_complex,
        CASE WHEN first_response_breached_utc <= @At OR resolution_breached_utc <= @At THEN 1 ELSE 0 END AS overdue,
        CASE WHEN (first_response_warned_utc <= @At AND (first_response_met_utc IS NULL OR first_response_met_utc > @At))
            OR (resolution_warned_utc <= @At AND (resolution_met_utc IS NULL OR resolution_met_utc > @At)) THEN 1 ELSE 0 END AS warned
    FROM scoped
)
SELECT
    COUNT(*) AS OpenCases,
    COALESCE(SUM(CASE WHEN is_complex = 1 THEN 1 ELSE 0 END), 0) AS OpenComplex,
    COALESCE(SUM(CASE WHEN overdue = 0 AND warned = 1 THEN 1 ELSE 0 END), 0) AS AtRisk,
    COALESCE(SUM(overdue), 0) AS Overdue,
    (SELECT COUNT(*) FROM dbo.cases WHERE ((first_response_breached_utc >= @DayStart AND first_response_breached_utc < @At)
        OR (resolution_breached_utc >= @DayStart AND resolution_breached_utc < @At))
        AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)) AS BreachedToday
FROM flagged
OPTION (RECOMPILE);
