-- Comités de Trato Digno (issue 21): one central committee per institution, one per OOAD/Red, one per UMAE, generated
-- from the catalogue; their members are users with a part in the committee; the ladder's levels 2 and 3 alert their address.
CREATE TABLE dbo.committees (
    code        VARCHAR(80)   NOT NULL CONSTRAINT pk_committees PRIMARY KEY,
    institution VARCHAR(32)   NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    region_code VARCHAR(64)   NULL,
    unit_code   VARCHAR(64)   NULL,
    name        NVARCHAR(300) NOT NULL,
    email       NVARCHAR(320) NULL
);

CREATE TABLE dbo.committee_members (
    committee_code VARCHAR(80)      NOT NULL CONSTRAINT fk_committee_members_committee REFERENCES dbo.committees (code),
    user_id        UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_committee_members_user REFERENCES dbo.users (id),
    committee_role VARCHAR(24)      NOT NULL,
    CONSTRAINT pk_committee_members PRIMARY KEY (committee_code, user_id)
);

-- Sessions: ordinary (the quarterly calendar) and extraordinary; planned, open while held, closed with read-only minutes.
CREATE TABLE dbo.committee_sessions (
    id             UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_committee_sessions PRIMARY KEY,
    committee_code VARCHAR(80)      NOT NULL CONSTRAINT fk_committee_sessions_committee REFERENCES dbo.committees (code),
    kind           VARCHAR(16)      NOT NULL,
    scheduled_on   DATE             NOT NULL,
    title          NVARCHAR(200)    NOT NULL,
    status         VARCHAR(16)      NOT NULL,
    minutes        NVARCHAR(MAX)    NULL,
    opened_at_utc  DATETIME2(7)     NULL,
    opened_by      NVARCHAR(200)    NULL,
    closed_at_utc  DATETIME2(7)     NULL,
    closed_by      NVARCHAR(200)    NULL
);
GO
CREATE UNIQUE INDEX ux_committee_sessions_ordinary ON dbo.committee_sessions (committee_code, scheduled_on) WHERE kind = 'Ordinary';

CREATE TABLE dbo.committee_session_attendees (
    session_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_session_attendees_session REFERENCES dbo.committee_sessions (id),
    user_id    UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_session_attendees_user REFERENCES dbo.users (id),
    CONSTRAINT pk_committee_session_attendees PRIMARY KEY (session_id, user_id)
);

-- Agreements (acuerdos) of a session, owned by a unit, followed up to the end.
CREATE TABLE dbo.agreements (
    id             UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_agreements PRIMARY KEY,
    committee_code VARCHAR(80)      NOT NULL CONSTRAINT fk_agreements_committee REFERENCES dbo.committees (code),
    session_id     UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_agreements_session REFERENCES dbo.committee_sessions (id),
    type           VARCHAR(16)      NOT NULL,
    text           NVARCHAR(1000)   NOT NULL,
    owner_unit     VARCHAR(64)      NOT NULL,
    due_on         DATE             NOT NULL,
    status         VARCHAR(16)      NOT NULL,
    created_at_utc DATETIME2(7)     NOT NULL,
    created_by     NVARCHAR(200)    NOT NULL
);
CREATE INDEX ix_agreements_committee ON dbo.agreements (committee_code);
CREATE INDEX ix_agreements_owner_unit ON dbo.agreements (owner_unit);

CREATE TABLE dbo.agreement_notes (
    agreement_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_agreement_notes_agreement REFERENCES dbo.agreements (id),
    at_utc       DATETIME2(7)     NOT NULL,
    by_name      NVARCHAR(200)    NOT NULL,
    status       VARCHAR(16)      NOT NULL,
    note         NVARCHAR(1000)   NOT NULL
);
CREATE INDEX ix_agreement_notes_agreement ON dbo.agreement_notes (agreement_id, at_utc);
