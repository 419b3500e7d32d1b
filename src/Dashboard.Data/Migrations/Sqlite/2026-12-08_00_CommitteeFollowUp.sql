-- Comités de Trato Digno (issue 21), third part: cases flagged with institutional impact, agreements owned by a unit,
-- an OOAD/Red or a person and issued by a central committee to every OOAD/UMAE committee, the cases and brigade
-- findings behind an agreement, brigades, and the secretary's curation of a session's agenda.

-- A director's flag on a case (the CaseImpactFlagged event): the reason is what the committee reads on its agenda.
ALTER TABLE cases ADD COLUMN impact_reason TEXT NULL;
ALTER TABLE cases ADD COLUMN impact_flagged_utc TEXT NULL;
CREATE INDEX ix_cases_impact ON cases (impact_flagged_utc) WHERE impact_flagged_utc IS NOT NULL;

-- The owner is a unit, an OOAD/Red or a person (owner_kind + owner_code); a central agreement issued to every
-- OOAD/UMAE committee is the parent (owner_kind 'Committees') of one agreement per committee, each followed on its own.
-- institution/region_code/unit_code place the agreement in a scope, so every read filters it like a case.
ALTER TABLE agreements RENAME COLUMN owner_unit TO owner_code;
ALTER TABLE agreements ADD COLUMN owner_kind TEXT NOT NULL DEFAULT 'Unit';   -- Unit, Region, Person, Committees
ALTER TABLE agreements ADD COLUMN parent_id TEXT NULL REFERENCES agreements (id);
ALTER TABLE agreements ADD COLUMN institution TEXT NULL;
ALTER TABLE agreements ADD COLUMN region_code TEXT NULL;
ALTER TABLE agreements ADD COLUMN unit_code TEXT NULL;
-- The instant the due day ends in the owner's zone: overdue is "still open after this", the same for every reader.
ALTER TABLE agreements ADD COLUMN overdue_after_utc TEXT NULL;
-- When the owner was told the agreement is overdue (once).
ALTER TABLE agreements ADD COLUMN overdue_alerted_utc TEXT NULL;
UPDATE agreements SET
    institution = (SELECT u.institution FROM units u WHERE u.code = agreements.owner_code),
    region_code = (SELECT u.region_code FROM units u WHERE u.code = agreements.owner_code),
    unit_code = owner_code,
    -- Agreements recorded before this migration: the end of the due day in Mexico City (UTC-6), close enough for both.
    overdue_after_utc = strftime('%Y-%m-%dT%H:%M:%fZ', due_on, '+1 day', '+6 hours');
DROP INDEX ix_agreements_owner_unit;
CREATE INDEX ix_agreements_owner ON agreements (owner_kind, owner_code);
CREATE INDEX ix_agreements_scope ON agreements (institution, region_code, unit_code);
CREATE INDEX ix_agreements_parent ON agreements (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX ix_agreements_overdue ON agreements (overdue_after_utc) WHERE status IN ('Pending', 'InProgress');

-- The cases that motivated an agreement (ids only: no personal data).
CREATE TABLE agreement_cases (
    agreement_id TEXT NOT NULL REFERENCES agreements (id),
    case_id      TEXT NOT NULL,
    PRIMARY KEY (agreement_id, case_id)
);

-- A brigade: directors visiting a unit to analyse the causes of mistreatment.
CREATE TABLE brigades (
    id             TEXT NOT NULL PRIMARY KEY,
    institution    TEXT NOT NULL,
    region_code    TEXT NOT NULL,
    unit_code      TEXT NOT NULL,
    visited_on     TEXT NOT NULL,           -- yyyy-MM-dd, the unit's own day
    members        TEXT NOT NULL,           -- the directors who visited, one per line
    areas          TEXT NOT NULL,           -- the areas visited, one per line
    created_at_utc TEXT NOT NULL,
    created_by     TEXT NOT NULL
);
CREATE INDEX ix_brigades_unit ON brigades (unit_code, visited_on);
CREATE INDEX ix_brigades_scope ON brigades (institution, region_code, visited_on);

-- A finding by cause of mistreatment (category and staff role); it may become an agreement.
CREATE TABLE brigade_findings (
    id           TEXT NOT NULL PRIMARY KEY,
    brigade_id   TEXT NOT NULL REFERENCES brigades (id),
    category     TEXT NOT NULL,
    staff_role   TEXT NULL,
    text         TEXT NOT NULL,
    agreement_id TEXT NULL REFERENCES agreements (id)
);
CREATE INDEX ix_brigade_findings_brigade ON brigade_findings (brigade_id);
CREATE INDEX ix_brigade_findings_agreement ON brigade_findings (agreement_id) WHERE agreement_id IS NOT NULL;

-- The secretary's curation of a session's agenda: board items she set aside (with why) and topics she added. When the
-- session closes, the agenda as held is written here too ('Held'), so a closed session keeps what it discussed.
CREATE TABLE session_agenda (
    session_id TEXT NOT NULL REFERENCES committee_sessions (id),
    item_key   TEXT NOT NULL,               -- case:<id>, agreement:<id>, unit:<code>, finding:<id>, topic:<id>
    state      TEXT NOT NULL,               -- SetAside, Added, Held
    label      TEXT NOT NULL,               -- what the agenda shows (never personal data)
    by_name    TEXT NOT NULL,
    at_utc     TEXT NOT NULL,
    position   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, item_key, state)
);
