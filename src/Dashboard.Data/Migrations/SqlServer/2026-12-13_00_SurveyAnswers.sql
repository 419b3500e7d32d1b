-- Perception surveys (issue 22.1): the answers per question on the institution's scale (profile.json "survey"), per
-- hospital and round; replaced together with its survey_results row on re-import.
CREATE TABLE dbo.survey_answers (
    unit_code    VARCHAR(64) NOT NULL,
    round_key    INT         NOT NULL,
    question     VARCHAR(32) NOT NULL,
    answer       VARCHAR(32) NOT NULL,
    answers      INT         NOT NULL CONSTRAINT ck_survey_answers_answers CHECK (answers >= 0),
    CONSTRAINT pk_survey_answers PRIMARY KEY (unit_code, round_key, question, answer),
    CONSTRAINT fk_survey_answers_result FOREIGN KEY (unit_code, round_key) REFERENCES dbo.survey_results (unit_code, round_key)
);
CREATE INDEX ix_survey_answers_round ON dbo.survey_answers (round_key);
