-- Comités de Trato Digno (issue 21), second part: sessions and their attendance, and the agreements of a session with
-- their follow-up.

-- Sessions: ordinary (the quarterly calendar) and extraordinary; planned, open while held, closed with read-only minutes.
CREATE TABLE committee_sessions (
    id             TEXT NOT NULL PRIMARY KEY,
    committee_code TEXT NOT NULL REFERENCES committees (code),
    kind           TEXT NOT NULL,           -- Ordinary, Extraordinary
    scheduled_on   TEXT NOT NULL,           -- yyyy-MM-dd, the committee's own day
    title          TEXT NOT NULL,
    status         TEXT NOT NULL,           -- Planned, Open, Closed
    minutes        TEXT NULL,
    opened_at_utc  TEXT NULL,
    opened_by      TEXT NULL,
    closed_at_utc  TEXT NULL,
    closed_by      TEXT NULL
);
-- One ordinary session per committee and date: planning the year twice plans it once.
CREATE UNIQUE INDEX ux_committee_sessions_ordinary ON committee_sessions (committee_code, scheduled_on) WHERE kind = 'Ordinary';

CREATE TABLE committee_session_attendees (
    session_id TEXT NOT NULL REFERENCES committee_sessions (id),
    user_id    TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (session_id, user_id)
);

-- Agreements (acuerdos) of a session, owned by a unit, followed up to the end.
CREATE TABLE agreements (
    id             TEXT NOT NULL PRIMARY KEY,
    committee_code TEXT NOT NULL REFERENCES committees (code),
    session_id     TEXT NOT NULL REFERENCES committee_sessions (id),
    type           TEXT NOT NULL,           -- Preventive, Corrective, Improvement
    text           TEXT NOT NULL,
    owner_unit     TEXT NOT NULL,
    due_on         TEXT NOT NULL,           -- yyyy-MM-dd
    status         TEXT NOT NULL,           -- Pending, InProgress, Done, Cancelled
    created_at_utc TEXT NOT NULL,
    created_by     TEXT NOT NULL
);
CREATE INDEX ix_agreements_committee ON agreements (committee_code);
CREATE INDEX ix_agreements_owner_unit ON agreements (owner_unit);

CREATE TABLE agreement_notes (
    agreement_id TEXT NOT NULL REFERENCES agreements (id),
    at_utc       TEXT NOT NULL,
    by_name      TEXT NOT NULL,
    status       TEXT NOT NULL,
    note         TEXT NOT NULL
);
CREATE INDEX ix_agreement_notes_agreement ON agreement_notes (agreement_id, at_utc);
