-- The recognition wall recognises the praised person (issue 22, item 4): a compliment names the staff member praised,
-- a técnica of the catalogue (praised_agent_id) or a name and a staff role (praised_name, praised_role), with the name
-- as the wall groups it (praised_name_key: lower case, no accents, single spaces). Plain columns written once, when
-- the case opens; staff, not the insured person, so the personal-data purge keeps them.
ALTER TABLE cases ADD COLUMN praised_agent_id TEXT NULL;
ALTER TABLE cases ADD COLUMN praised_name TEXT NULL;
ALTER TABLE cases ADD COLUMN praised_name_key TEXT NULL;
ALTER TABLE cases ADD COLUMN praised_role TEXT NULL;

-- Compliments only (a few per cent of the cases): the wall's reads over a period; nothing else pays for it.
CREATE INDEX ix_cases_compliments ON cases (opened_at_utc, unit_code) WHERE kind = 'Compliment';
