SELECT
    -- #include CaseColumns
FROM dbo.cases c
WHERE c.case_id = @CaseId
    AND (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR c.region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode);
