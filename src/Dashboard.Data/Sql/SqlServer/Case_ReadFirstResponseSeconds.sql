-- How long each case opened today waited for its first response (seconds), for the median.
SELECT DATEDIFF_BIG(SECOND, opened_at_utc, first_response_met_utc)
FROM dbo.cases
WHERE opened_at_utc >= @TodayStart AND opened_at_utc < @TomorrowStart AND first_response_met_utc IS NOT NULL
    AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
OPTION (RECOMPILE);
