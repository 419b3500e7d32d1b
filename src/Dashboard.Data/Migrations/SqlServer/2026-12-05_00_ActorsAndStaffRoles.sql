-- The técnica's desk (issue 19): who made each change of a case, and the staff role and module as facts of the case.

-- The actor as JSON ({"kind":"Person","id":…,"name":…,"role":…}); NULL for events stored before it was kept, which read
-- as the source system. Staff, not the insured person: the retention purge leaves it.
ALTER TABLE dbo.case_events ADD actor NVARCHAR(1000) NULL;

ALTER TABLE dbo.cases ADD staff_role VARCHAR(64) NULL, module_code VARCHAR(64) NULL;
GO
-- "Mis casos": a técnica's open cases.
CREATE INDEX ix_cases_agent_open ON dbo.cases (agent_id, is_open) WHERE agent_id IS NOT NULL;

-- A técnica's account names her module; her cases are assigned to her user name (the agents catalogue holds her too).
ALTER TABLE dbo.users ADD module_code VARCHAR(64) NULL;
