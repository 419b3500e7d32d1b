-- The técnica's desk (issue 19): who made each change of a case, and the staff role and module as facts of the case.

-- The actor as JSON ({"kind":"Person","id":…,"name":…,"role":…}); NULL for events stored before it was kept, which read
-- as the source system. Staff, not the insured person: the retention purge leaves it.
ALTER TABLE case_events ADD COLUMN actor TEXT NULL;

ALTER TABLE cases ADD COLUMN staff_role TEXT NULL;
ALTER TABLE cases ADD COLUMN module_code TEXT NULL;
-- "Mis casos": a técnica's open cases.
CREATE INDEX ix_cases_agent_open ON cases (agent_id, is_open) WHERE agent_id IS NOT NULL;

-- A técnica's account names her module; her cases are assigned to her user name (the agents catalogue holds her too).
ALTER TABLE users ADD COLUMN module_code TEXT NULL;
