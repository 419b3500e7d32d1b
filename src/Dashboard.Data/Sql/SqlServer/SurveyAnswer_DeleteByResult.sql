-- A hospital's answers for a round (@UnitCode, @RoundKey) go before its re-imported result's answers come.
DELETE FROM dbo.survey_answers WHERE unit_code = @UnitCode AND round_key = @RoundKey;
