-- The overview's "resolved per day" chart reads a period of resolutions, not every case ever resolved.
CREATE INDEX ix_cases_resolved ON dbo.cases (resolved_at_utc) WHERE resolved_at_utc IS NOT NULL;
