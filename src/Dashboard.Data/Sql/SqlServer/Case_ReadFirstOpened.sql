-- When the scope's records begin: its earliest case of any kind (ix_cases_opened finds it at the start of the index).
SELECT MIN(c.opened_at_utc)
FROM dbo.cases c
WHERE (@ScopeInstitution IS NULL OR c.institution = @ScopeInstitution)
    AND (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode);
