-- A scope's agreements still open after the end of their due day (copies, not the central original), oldest first.
SELECT 
-- #include AgreementColumns
FROM agreements a
WHERE a.overdue_after_utc <= @Now AND a.status IN ('Pending', 'InProgress') AND a.owner_kind <> 'Committees'
    AND (@ScopeInstitution IS NULL OR a.institution = @ScopeInstitution)
    AND (@ScopeRegionCode IS NULL OR a.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR a.unit_code = @ScopeUnitCode)
ORDER BY a.overdue_after_utc, a.id
LIMIT @Max;
