-- Perception surveys (issue 22.1): the answers per question on the institution's scale (profile.json "survey"), per
-- hospital and round; replaced together with its survey_results row on re-import.
CREATE TABLE survey_answers (
    unit_code    TEXT    NOT NULL,
    round_key    INTEGER NOT NULL,
    question     TEXT    NOT NULL,
    answer       TEXT    NOT NULL,
    answers      INTEGER NOT NULL CHECK (answers >= 0),
    PRIMARY KEY (unit_code, round_key, question, answer),
    FOREIGN KEY (unit_code, round_key) REFERENCES survey_results (unit_code, round_key)
);
CREATE INDEX ix_survey_answers_round ON survey_answers (round_key);
