-- Perception surveys (issue 22.1): one result per hospital and round (year + bimester 1..6); round_key = year * 10 + bimester
-- orders rounds in time. The unit's region and institution are read from units, so a read filters by scope like a case.
CREATE TABLE dbo.survey_results (
    unit_code    VARCHAR(64) NOT NULL CONSTRAINT fk_survey_results_unit REFERENCES dbo.units (code),
    round_key    INT         NOT NULL,
    respondents  INT         NOT NULL CONSTRAINT ck_survey_results_respondents CHECK (respondents > 0),
    satisfied    INT         NOT NULL,
    trato_digno  INT         NOT NULL,
    CONSTRAINT pk_survey_results PRIMARY KEY (unit_code, round_key),
    CONSTRAINT ck_survey_results_counts CHECK (satisfied BETWEEN 0 AND respondents AND trato_digno BETWEEN 0 AND respondents)
);
CREATE INDEX ix_survey_results_round ON dbo.survey_results (round_key);
