-- Who may sign in or connect (issue 6): people, wall displays and source systems, each revocable, and the audit log.

-- Local accounts. `version` changes with every change of role, scope, password or revocation: open sessions
-- carry the version they signed in with and end when it no longer matches.
CREATE TABLE users (
    id               TEXT NOT NULL PRIMARY KEY,
    user_name        TEXT NOT NULL UNIQUE,      -- lower case
    display_name     TEXT NOT NULL,
    email            TEXT NULL,
    password_hash    TEXT NULL,                 -- NULL for accounts that sign in only through OpenID Connect
    role             TEXT NOT NULL,
    scope            TEXT NOT NULL,
    culture          TEXT NULL,
    version          INTEGER NOT NULL,
    created_at_utc   TEXT NOT NULL,
    revoked_at_utc   TEXT NULL,
    last_sign_in_utc TEXT NULL
);

-- A wall display opens with a token bound to a scope; only the SHA-256 of the token is kept.
CREATE TABLE display_tokens (
    id             TEXT NOT NULL PRIMARY KEY,
    name           TEXT NOT NULL,
    token_sha256   TEXT NOT NULL UNIQUE,
    scope          TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_at_utc TEXT NOT NULL,
    revoked_at_utc TEXT NULL
);

-- Source systems' API keys created in the UI (keys from configuration still work beside them).
CREATE TABLE api_keys (
    id             TEXT NOT NULL PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    key_sha256     TEXT NOT NULL UNIQUE,
    permissions    TEXT NOT NULL,               -- comma-separated: Ingest,Read,Admin
    scope          TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_at_utc TEXT NOT NULL,
    revoked_at_utc TEXT NULL
);

-- Append-only: the triggers refuse any change or deletion, whoever asks.
CREATE TABLE audit_log (
    id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    at_utc         TEXT NOT NULL,
    actor          TEXT NOT NULL,
    role           TEXT NOT NULL,
    scope          TEXT NOT NULL,
    action         TEXT NOT NULL,
    case_id        TEXT NULL,
    outcome        TEXT NOT NULL,
    correlation_id TEXT NOT NULL,
    detail         TEXT NULL
);
CREATE INDEX ix_audit_log_case ON audit_log (case_id) WHERE case_id IS NOT NULL;
-- An administrator lists every access to one insured person's cases.
CREATE INDEX ix_cases_insured ON cases (insured_id) WHERE insured_id IS NOT NULL;
CREATE INDEX ix_audit_log_at ON audit_log (at_utc);

CREATE TRIGGER tr_audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER tr_audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Retention: when a closed case's personal fields were erased.
ALTER TABLE cases ADD COLUMN personal_data_purged_utc TEXT NULL;
CREATE INDEX ix_cases_closed ON cases (closed_at_utc) WHERE closed_at_utc IS NOT NULL AND personal_data_purged_utc IS NULL;
