-- Perception surveys (issue 22.1): one result per hospital and round (year + bimester 1..6); round_key = year * 10 + bimester
-- orders rounds in time. The unit's region and institution are read from units, so a read filters by scope like a case.
CREATE TABLE survey_results (
    unit_code    TEXT    NOT NULL REFERENCES units (code),
    round_key    INTEGER NOT NULL,
    respondents  INTEGER NOT NULL CHECK (respondents > 0),
    satisfied    INTEGER NOT NULL CHECK (satisfied BETWEEN 0 AND respondents),
    trato_digno  INTEGER NOT NULL CHECK (trato_digno BETWEEN 0 AND respondents),
    PRIMARY KEY (unit_code, round_key)
);
CREATE INDEX ix_survey_results_round ON survey_results (round_key);
