-- The open cases alone, oldest first, with their unit (for its clock) (issue 24): at 10 M cases
-- about 150,000 are open, and a national list's age buckets scanned all 10 M rows (3.4–5.9 s) because no index leads
-- with is_open. Partial, so closed cases cost nothing here; an open case's opening and closing write it. Not the state
-- columns: every case update sets them, and SQLite rewrites an index entry for each indexed column an UPDATE sets.
CREATE INDEX ix_cases_open_opened ON cases (opened_at_utc, unit_code) WHERE is_open = 1;
