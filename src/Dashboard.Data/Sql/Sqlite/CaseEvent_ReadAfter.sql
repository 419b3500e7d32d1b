SELECT
    -- #include CaseEventColumns
FROM case_events e
WHERE e.sequence > @AfterSequence
    AND (@ScopeRegionCode IS NULL OR e.region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR e.region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR e.unit_code = @ScopeUnitCode)
ORDER BY e.sequence
LIMIT @Limit;
