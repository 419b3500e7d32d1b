-- Comités de Trato Digno (issue 21), third part: cases flagged with institutional impact, agreements owned by a unit,
-- an OOAD/Red or a person and issued by a central committee to every OOAD/UMAE committee, the cases and brigade
-- findings behind an agreement, brigades, and the secretary's curation of a session's agenda.

-- A director's flag on a case (the CaseImpactFlagged event): the reason is what the committee reads on its agenda.
ALTER TABLE dbo.cases ADD impact_reason NVARCHAR(500) NULL, impact_flagged_utc DATETIME2(7) NULL;
GO
CREATE INDEX ix_cases_impact ON dbo.cases (impact_flagged_utc) WHERE impact_flagged_utc IS NOT NULL;

-- The owner is a unit, an OOAD/Red or a person (owner_kind + owner_code); a central agreement issued to every
-- OOAD/UMAE committee is the parent (owner_kind 'Committees') of one agreement per committee, each followed on its own.
-- institution/region_code/unit_code place the agreement in a scope, so every read filters it like a case.
DROP INDEX ix_agreements_owner_unit ON dbo.agreements;
EXEC sp_rename 'dbo.agreements.owner_unit', 'owner_code', 'COLUMN';
ALTER TABLE dbo.agreements ADD
    owner_kind          VARCHAR(16)      NOT NULL CONSTRAINT df_agreements_owner_kind DEFAULT 'Unit',
    parent_id           UNIQUEIDENTIFIER NULL CONSTRAINT fk_agreements_parent REFERENCES dbo.agreements (id),
    institution         VARCHAR(32)      NULL,
    region_code         VARCHAR(64)      NULL,
    unit_code           VARCHAR(64)      NULL,
    overdue_after_utc   DATETIME2(7)     NULL,
    overdue_alerted_utc DATETIME2(7)     NULL;
GO
ALTER TABLE dbo.agreements ALTER COLUMN owner_code NVARCHAR(200) NOT NULL;
GO
UPDATE a SET institution = u.institution, region_code = u.region_code, unit_code = a.owner_code,
    -- Agreements recorded before this migration: the end of the due day in Mexico City (UTC-6), close enough for both.
    overdue_after_utc = DATEADD(HOUR, 30, CAST(a.due_on AS DATETIME2(7)))
FROM dbo.agreements a JOIN dbo.units u ON u.code = a.owner_code;
CREATE INDEX ix_agreements_owner ON dbo.agreements (owner_kind, owner_code);
CREATE INDEX ix_agreements_scope ON dbo.agreements (institution, region_code, unit_code);
CREATE INDEX ix_agreements_parent ON dbo.agreements (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX ix_agreements_overdue ON dbo.agreements (overdue_after_utc) WHERE status IN ('Pending', 'InProgress');

-- The cases that motivated an agreement (ids only: no personal data).
CREATE TABLE dbo.agreement_cases (
    agreement_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_agreement_cases_agreement REFERENCES dbo.agreements (id),
    case_id      VARCHAR(64)      NOT NULL,
    CONSTRAINT pk_agreement_cases PRIMARY KEY (agreement_id, case_id)
);

-- A brigade: directors visiting a unit to analyse the causes of mistreatment.
CREATE TABLE dbo.brigades (
    id             UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_brigades PRIMARY KEY,
    institution    VARCHAR(32)      NOT NULL,
    region_code    VARCHAR(64)      NOT NULL,
    unit_code      VARCHAR(64)      NOT NULL,
    visited_on     DATE             NOT NULL,
    members        NVARCHAR(2000)   NOT NULL,
    areas          NVARCHAR(2000)   NOT NULL,
    created_at_utc DATETIME2(7)     NOT NULL,
    created_by     NVARCHAR(200)    NOT NULL
);
CREATE INDEX ix_brigades_unit ON dbo.brigades (unit_code, visited_on);
CREATE INDEX ix_brigades_scope ON dbo.brigades (institution, region_code, visited_on);

-- A finding by cause of mistreatment (category and staff role); it may become an agreement.
CREATE TABLE dbo.brigade_findings (
    id           UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_brigade_findings PRIMARY KEY,
    brigade_id   UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_brigade_findings_brigade REFERENCES dbo.brigades (id),
    category     VARCHAR(64)      NOT NULL,
    staff_role   VARCHAR(64)      NULL,
    text         NVARCHAR(1000)   NOT NULL,
    agreement_id UNIQUEIDENTIFIER NULL CONSTRAINT fk_brigade_findings_agreement REFERENCES dbo.agreements (id)
);
CREATE INDEX ix_brigade_findings_brigade ON dbo.brigade_findings (brigade_id);
CREATE INDEX ix_brigade_findings_agreement ON dbo.brigade_findings (agreement_id) WHERE agreement_id IS NOT NULL;

-- The secretary's curation of a session's agenda: board items she set aside (with why) and topics she added. When the
-- session closes, the agenda as held is written here too ('Held'), so a closed session keeps what it discussed.
CREATE TABLE dbo.session_agenda (
    session_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_session_agenda_session REFERENCES dbo.committee_sessions (id),
    item_key   VARCHAR(100)     NOT NULL,
    state      VARCHAR(16)      NOT NULL,
    label      NVARCHAR(1000)   NOT NULL,
    by_name    NVARCHAR(200)    NOT NULL,
    at_utc     DATETIME2(7)     NOT NULL,
    position   INT              NOT NULL CONSTRAINT df_session_agenda_position DEFAULT 0,
    CONSTRAINT pk_session_agenda PRIMARY KEY (session_id, item_key, state)
);
