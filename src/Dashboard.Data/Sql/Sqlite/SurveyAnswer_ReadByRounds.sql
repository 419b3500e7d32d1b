-- The answers per question of the rounds @FromKey to @ToKey within the caller's scope (@Scope…), narrowed by
-- @RegionCode and @UnitCode, as SurveyResult_ReadByRounds reads their results.
SELECT a.unit_code AS UnitCode, a.round_key AS RoundKey, a.question AS Question, a.answer AS Answer, a.answers AS Answers
FROM survey_answers a
JOIN units u ON u.code = a.unit_code
WHERE a.round_key BETWEEN @FromKey AND @ToKey
    -- #include UnitInScope
ORDER BY a.round_key, a.unit_code, a.question, a.answer;
