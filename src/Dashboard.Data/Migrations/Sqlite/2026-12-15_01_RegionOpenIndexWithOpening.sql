-- The region index of open cases also carries each case's opening and unit (issue 24): a national list's age buckets
-- scanned all 10 M cases (3.4–5.9 s at 10 M) because no index leads with is_open; now they seek each region's open
-- cases (the statement lists the regions) and read both columns from the index, 82–95 ms. Widening this index instead
-- of adding a partial one on open cases: that one cost the http benchmark's floor 22 % (every new case is open), this
-- costs a few bytes per entry, and neither column ever changes.
DROP INDEX ix_cases_region_open;
CREATE INDEX ix_cases_region_open ON cases (region_code, is_open, is_complex, opened_at_utc, unit_code);
