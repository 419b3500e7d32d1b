SELECT
    -- #include CaseEventColumns
FROM case_events e
WHERE e.case_id = @CaseId
    AND (@RegionCode IS NULL OR e.region_code = @RegionCode)
    AND (@UnitCode IS NULL OR e.unit_code = @UnitCode)
ORDER BY e.sequence;
