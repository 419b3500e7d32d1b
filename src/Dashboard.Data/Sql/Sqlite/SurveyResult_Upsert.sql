-- A hospital's result for a round; a second import of the same hospital and round replaces it (a corrected file).
INSERT INTO survey_results (unit_code, round_key, respondents, satisfied, trato_digno)
VALUES (@UnitCode, @RoundKey, @Respondents, @Satisfied, @TratoDigno)
ON CONFLICT (unit_code, round_key) DO UPDATE SET
    respondents = excluded.respondents, satisfied = excluded.satisfied, trato_digno = excluded.trato_digno;
