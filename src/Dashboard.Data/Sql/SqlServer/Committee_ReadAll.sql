-- The committees a caller's scope covers: a region's own and its UMAE's; an institution's, with its central one; all.
SELECT c.code AS Code, c.institution AS Institution, c.kind AS Kind, c.region_code AS RegionCode, c.unit_code AS UnitCode,
    c.name AS Name, c.email AS Email
FROM dbo.committees c
WHERE (@ScopeInstitution IS NULL OR c.institution = @ScopeInstitution)
    AND (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode)
ORDER BY CASE c.kind WHEN 'Central' THEN 0 WHEN 'Region' THEN 1 ELSE 2 END, c.name;
