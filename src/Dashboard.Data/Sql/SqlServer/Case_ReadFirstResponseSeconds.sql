-- How long each case opened in [@TodayStart, @TomorrowStart) waited for a first response given before @TomorrowStart
-- (seconds), for the median: today so far, or a past day up to the same hour for the wall's trend marks.
SELECT DATEDIFF_BIG(SECOND, opened_at_utc, first_response_met_utc)
FROM dbo.cases
WHERE opened_at_utc >= @TodayStart AND opened_at_utc < @TomorrowStart AND first_response_met_utc IS NOT NULL AND first_response_met_utc < @TomorrowStart
    AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
OPTION (RECOMPILE);
