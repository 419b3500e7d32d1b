-- A scope's brigades visited within the dates, newest first.
SELECT
-- #include BrigadeColumns
FROM brigades b
WHERE b.visited_on >= @From AND b.visited_on <= @To
    AND (@ScopeInstitution IS NULL OR b.institution = @ScopeInstitution)
    AND (@ScopeRegionCode IS NULL OR b.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR b.unit_code = @ScopeUnitCode)
ORDER BY b.visited_on DESC, b.created_at_utc DESC;
