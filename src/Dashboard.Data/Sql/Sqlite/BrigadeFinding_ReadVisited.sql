-- The findings of Brigade_ReadVisited's brigades (same scope and dates).
SELECT f.id AS Id, f.brigade_id AS BrigadeId, f.category AS Category, f.staff_role AS StaffRole, f.text AS Text, f.agreement_id AS AgreementId
FROM brigade_findings f
JOIN brigades b ON b.id = f.brigade_id
WHERE b.visited_on >= @From AND b.visited_on <= @To
    AND (@ScopeInstitution IS NULL OR b.institution = @ScopeInstitution)
    AND (@ScopeRegionCode IS NULL OR b.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR b.unit_code = @ScopeUnitCode)
ORDER BY f.brigade_id, f.category;
