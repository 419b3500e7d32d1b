-- Catalogue, the event log with its gap-free sequence, and the case projection.
CREATE TABLE regions (
    code        TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    institution TEXT NOT NULL,
    time_zone   TEXT NOT NULL
);

CREATE TABLE units (
    code        TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    region_code TEXT NOT NULL REFERENCES regions (code),
    institution TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    size        INTEGER NOT NULL
);
CREATE INDEX ix_units_region ON units (region_code);

CREATE TABLE modules (
    code      TEXT NOT NULL PRIMARY KEY,
    unit_code TEXT NOT NULL REFERENCES units (code),
    name      TEXT NOT NULL
);

CREATE TABLE agents (
    id          TEXT NOT NULL PRIMARY KEY,
    unit_code   TEXT NOT NULL REFERENCES units (code),
    module_code TEXT NOT NULL REFERENCES modules (code),
    name        TEXT NOT NULL
);
CREATE INDEX ix_agents_unit ON agents (unit_code);

-- One row holding the last sequence handed out; advanced inside the append transaction, so a rollback leaves no gap.
CREATE TABLE event_sequence (
    id            INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_sequence INTEGER NOT NULL
);
INSERT INTO event_sequence (id, last_sequence) VALUES (1, 0);

CREATE TABLE case_events (
    sequence        INTEGER NOT NULL PRIMARY KEY,
    event_id        TEXT NOT NULL UNIQUE,      -- Microsoft.Data.Sqlite writes GUIDs as upper-case text
    case_id         TEXT NOT NULL,
    type            TEXT NOT NULL,
    occurred_at_utc TEXT NOT NULL,
    recorded_at_utc TEXT NOT NULL,
    unit_code       TEXT NOT NULL,
    region_code     TEXT NOT NULL,
    -- The case's board-relevant state right after this event.
    status_after     TEXT NOT NULL,
    complex_after    INTEGER NOT NULL,
    priority_after   TEXT NOT NULL,
    escalation_after INTEGER NOT NULL,
    data            TEXT NOT NULL,
    content_hash    TEXT NOT NULL
);
CREATE INDEX ix_case_events_case ON case_events (case_id, sequence);
-- No index by region or unit: scoped catch-up reads walk the primary key from the client's sequence, which is
-- recent, and every extra index is paid on each of thousands of inserts a second.

CREATE TABLE cases (
    case_id          TEXT NOT NULL PRIMARY KEY,
    unit_code        TEXT NOT NULL REFERENCES units (code),
    region_code      TEXT NOT NULL REFERENCES regions (code),
    institution      TEXT NOT NULL,
    kind             TEXT NOT NULL,
    channel          TEXT NOT NULL,
    category         TEXT NOT NULL,
    priority         TEXT NOT NULL,
    is_complex       INTEGER NOT NULL,
    status           TEXT NOT NULL,
    is_open          INTEGER NOT NULL,
    escalation_level INTEGER NOT NULL,
    agent_id         TEXT NULL,
    -- NSS (11 digits) or DNI (8 digits): personal data, masked by the API.
    insured_id       TEXT NULL,
    pause_reason     TEXT NULL,
    opened_at_utc    TEXT NOT NULL,
    resolved_at_utc  TEXT NULL,
    closed_at_utc    TEXT NULL,
    updated_at_utc   TEXT NOT NULL,
    last_sequence    INTEGER NOT NULL,
    next_deadline_utc TEXT NULL
);
CREATE INDEX ix_cases_region_open ON cases (region_code, is_open, is_complex);
CREATE INDEX ix_cases_unit_open ON cases (unit_code, is_open, is_complex);
-- The SLA sweep reads only due rows: a range scan on this index.
CREATE INDEX ix_cases_next_deadline ON cases (next_deadline_utc) WHERE next_deadline_utc IS NOT NULL;
