SELECT
    -- #include CaseColumns
FROM cases c
WHERE c.case_id = @CaseId
    AND (@RegionCode IS NULL OR c.region_code = @RegionCode)
    AND (@UnitCode IS NULL OR c.unit_code = @UnitCode);
