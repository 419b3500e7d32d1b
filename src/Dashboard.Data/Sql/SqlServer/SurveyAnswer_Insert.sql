-- How many of a hospital's respondents in a round chose @Answer for @Question (the institution's scale).
INSERT INTO dbo.survey_answers (unit_code, round_key, question, answer, answers)
VALUES (@UnitCode, @RoundKey, @Question, @Answer, @Answers);
