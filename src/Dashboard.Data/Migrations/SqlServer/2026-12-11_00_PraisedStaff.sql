-- The recognition wall recognises the praised person (issue 22, item 4): a compliment names the staff member praised,
-- a técnica of the catalogue (praised_agent_id) or a name and a staff role (praised_name, praised_role), with the name
-- as the wall groups it (praised_name_key: lower case, no accents, single spaces). Plain columns written once, when
-- the case opens; staff, not the insured person, so the personal-data purge keeps them.
ALTER TABLE dbo.cases ADD praised_agent_id VARCHAR(64) NULL, praised_name NVARCHAR(120) NULL, praised_name_key NVARCHAR(120) NULL, praised_role VARCHAR(64) NULL;
GO

-- Compliments only (a few per cent of the cases): the wall's reads over a period; nothing else pays for it.
CREATE INDEX ix_cases_compliments ON dbo.cases (opened_at_utc, unit_code)
    INCLUDE (region_code, praised_agent_id, praised_name_key, praised_role) WHERE kind = 'Compliment';
