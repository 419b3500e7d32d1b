-- The new cases nobody has taken yet, in opening order: a técnica's desk lists the oldest 200 of her scope. Read through
-- the case indexes, a national or institution-wide desk walked years of closed cases (48 s nationally at 10 M cases on
-- SQLite) and an OOAD's sorted its open cases; this filtered index holds only the untaken cases (an entry is written
-- when a case opens unassigned and removed when it is taken), and the desk reads it in order until its scope has 200.
CREATE INDEX ix_cases_untaken ON dbo.cases (opened_at_utc) INCLUDE (region_code, unit_code) WHERE status = 'New' AND agent_id IS NULL;
