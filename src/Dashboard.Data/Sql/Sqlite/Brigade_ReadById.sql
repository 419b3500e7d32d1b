-- One brigade, when the caller's scope covers its unit.
SELECT
-- #include BrigadeColumns
FROM brigades b
WHERE b.id = @Id
    AND (@ScopeInstitution IS NULL OR b.institution = @ScopeInstitution)
    AND (@ScopeRegionCode IS NULL OR b.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR b.unit_code = @ScopeUnitCode);
