SELECT TOP (@Limit)
    -- #include CaseEventColumns
FROM dbo.case_events e
WHERE e.sequence > @AfterSequence
    AND (@RegionCode IS NULL OR e.region_code = @RegionCode)
    AND (@UnitCode IS NULL OR e.unit_code = @UnitCode)
ORDER BY e.sequence;
