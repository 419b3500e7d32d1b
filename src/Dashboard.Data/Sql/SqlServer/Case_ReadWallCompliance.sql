-- SLA compliance over [@From, @Until): of the clocks (first response and resolution) decided in the period — met or
-- breached — how many were met on time. Cases are found by when they were opened (@OpenedSince bounds the read: a
-- clock decided in the period belongs to a case opened at most the longest legal deadline before it).
SELECT
    COALESCE(SUM(CASE WHEN first_response_breached_utc IS NULL AND first_response_met_utc >= @From AND first_response_met_utc < @Until THEN 1 ELSE 0 END)
        + SUM(CASE WHEN resolution_breached_utc IS NULL AND resolution_met_utc >= @From AND resolution_met_utc < @Until THEN 1 ELSE 0 END), 0) AS Met,
    COALESCE(SUM(CASE WHEN (first_response_breached_utc IS NULL AND first_response_met_utc >= @From AND first_response_met_utc < @Until)
            OR (first_response_breached_utc >= @From AND first_response_breached_utc < @Until) THEN 1 ELSE 0 END)
        + SUM(CASE WHEN (resolution_breached_utc IS NULL AND resolution_met_utc >= @From AND resolution_met_utc < @Until)
            OR (resolution_breached_utc >= @From AND resolution_breached_utc < @Until) THEN 1 ELSE 0 END), 0) AS Decided
FROM dbo.cases
WHERE opened_at_utc >= @OpenedSince AND opened_at_utc < @Until
    AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
OPTION (RECOMPILE);
