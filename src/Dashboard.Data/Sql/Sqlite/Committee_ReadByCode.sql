SELECT c.code AS Code, c.institution AS Institution, c.kind AS Kind, c.region_code AS RegionCode, c.unit_code AS UnitCode,
    c.name AS Name, c.email AS Email
FROM committees c
WHERE c.code = @Code
    AND (@ScopeInstitution IS NULL OR c.institution = @ScopeInstitution)
    AND (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode);
