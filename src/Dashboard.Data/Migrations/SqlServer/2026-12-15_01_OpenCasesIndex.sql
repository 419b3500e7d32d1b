-- The open cases alone, oldest first, with their unit (for its clock) (issue 24): at 10 M cases
-- about 150,000 are open, and a national list's age buckets scanned every row because no index leads with is_open.
-- Filtered, so closed cases cost nothing here; an open case's opening and closing write it.
CREATE INDEX ix_cases_open_opened ON dbo.cases (opened_at_utc)
    INCLUDE (unit_code)
    WHERE is_open = 1;
GO
