-- The results of the rounds @FromKey to @ToKey (year * 10 + bimester) within the caller's scope (@Scope…), narrowed
-- by @RegionCode and @UnitCode; the unit's region and institution come from the catalogue.
SELECT s.unit_code AS UnitCode, s.round_key AS RoundKey, s.respondents AS Respondents, s.satisfied AS Satisfied,
    s.trato_digno AS TratoDigno, u.region_code AS RegionCode, u.institution AS Institution
FROM dbo.survey_results s
JOIN dbo.units u ON u.code = s.unit_code
WHERE s.round_key BETWEEN @FromKey AND @ToKey
    -- #include UnitInScope
ORDER BY s.round_key, s.unit_code;
