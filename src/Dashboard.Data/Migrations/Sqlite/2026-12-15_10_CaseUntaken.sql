-- The new cases nobody has taken yet, in opening order: a técnica's desk lists the oldest 200 of her scope. Read through
-- the case indexes, a national or institution-wide desk walked years of closed cases (48 s nationally at 10 M cases) and
-- an OOAD's sorted its open cases (63–87 ms); this index holds only the untaken cases (an entry is written when a case
-- opens unassigned and removed when it is taken), and the desk reads it in order until its scope has 200 (0–3 ms).
CREATE INDEX ix_cases_untaken ON cases (opened_at_utc) WHERE status = 'New' AND agent_id IS NULL;
