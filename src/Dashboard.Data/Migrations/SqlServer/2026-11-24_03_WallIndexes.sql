-- The wall's reads: breaches of the day and first responses of the day, without scanning every case ever opened.
CREATE INDEX ix_cases_fr_breached ON dbo.cases (first_response_breached_utc) WHERE first_response_breached_utc IS NOT NULL;
CREATE INDEX ix_cases_res_breached ON dbo.cases (resolution_breached_utc) WHERE resolution_breached_utc IS NOT NULL;
CREATE INDEX ix_cases_opened ON dbo.cases (opened_at_utc);
