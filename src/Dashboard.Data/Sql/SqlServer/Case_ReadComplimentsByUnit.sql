-- The recognition wall: compliments per unit over a period, and how many of them name nobody ("sin persona identificada").
SELECT unit_code AS UnitCode, region_code AS RegionCode, COUNT(*) AS Compliments,
    SUM(CASE WHEN praised_agent_id IS NULL AND praised_name_key IS NULL THEN 1 ELSE 0 END) AS Unidentified
FROM dbo.cases
WHERE kind = 'Compliment' AND opened_at_utc >= @From AND opened_at_utc < @To
    AND (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
GROUP BY unit_code, region_code
OPTION (RECOMPILE);
