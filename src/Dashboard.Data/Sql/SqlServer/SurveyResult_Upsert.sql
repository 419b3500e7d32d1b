-- A hospital's result for a round; a second import of the same hospital and round replaces it (a corrected file).
MERGE dbo.survey_results WITH (HOLDLOCK) AS target
USING (SELECT @UnitCode AS unit_code, @RoundKey AS round_key) AS source
ON target.unit_code = source.unit_code AND target.round_key = source.round_key
WHEN MATCHED THEN UPDATE SET respondents = @Respondents, satisfied = @Satisfied, trato_digno = @TratoDigno
WHEN NOT MATCHED THEN INSERT (unit_code, round_key, respondents, satisfied, trato_digno)
    VALUES (@UnitCode, @RoundKey, @Respondents, @Satisfied, @TratoDigno);
