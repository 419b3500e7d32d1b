SELECT
    -- #include CaseColumns
FROM dbo.cases c
WHERE c.case_id = @CaseId
    AND (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode);
