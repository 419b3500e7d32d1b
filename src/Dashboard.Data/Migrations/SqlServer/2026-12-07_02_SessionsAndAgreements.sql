-- Comités de Trato Digno (issue 21), second part: sessions and their attendance, and the agreements of a session with
-- their follow-up.

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
