-- A scope's findings not yet turned into an agreement, oldest visit first: what a committee's agenda still owes them.
SELECT f.id AS Id, f.brigade_id AS BrigadeId, f.category AS Category, f.staff_role AS StaffRole, f.text AS Text, f.agreement_id AS AgreementId
FROM brigade_findings f
JOIN brigades b ON b.id = f.brigade_id
WHERE f.agreement_id IS NULL
    AND (@ScopeInstitution IS NULL OR b.institution = @ScopeInstitution)
    AND (@ScopeRegionCode IS NULL OR b.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR b.unit_code = @ScopeUnitCode)
ORDER BY b.visited_on, f.id
LIMIT @Max;
