-- Who may sign in or connect (issue 6): people, wall displays and source systems, each revocable, and the audit log.

-- Local accounts. `version` changes with every change of role, scope, password or revocation: open sessions
-- carry the version they signed in with and end when it no longer matches.
CREATE TABLE dbo.users (
    id               UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_users PRIMARY KEY,
    user_name        NVARCHAR(100) NOT NULL CONSTRAINT uq_users_user_name UNIQUE,
    display_name     NVARCHAR(200) NOT NULL,
    email            NVARCHAR(320) NULL,
    password_hash    VARCHAR(200)  NULL,
    role             VARCHAR(20)   NOT NULL,
    scope            VARCHAR(80)   NOT NULL,
    culture          VARCHAR(10)   NULL,
    version          INT           NOT NULL,
    created_at_utc   DATETIME2(7)  NOT NULL,
    revoked_at_utc   DATETIME2(7)  NULL,
    last_sign_in_utc DATETIME2(7)  NULL
);

CREATE TABLE dbo.display_tokens (
    id             UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_display_tokens PRIMARY KEY,
    name           NVARCHAR(200) NOT NULL,
    token_sha256   CHAR(64)      NOT NULL CONSTRAINT uq_display_tokens_hash UNIQUE,
    scope          VARCHAR(80)   NOT NULL,
    created_by     NVARCHAR(100) NOT NULL,
    created_at_utc DATETIME2(7)  NOT NULL,
    revoked_at_utc DATETIME2(7)  NULL
);

CREATE TABLE dbo.api_keys (
    id             UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_api_keys PRIMARY KEY,
    name           NVARCHAR(200) NOT NULL CONSTRAINT uq_api_keys_name UNIQUE,
    key_sha256     CHAR(64)      NOT NULL CONSTRAINT uq_api_keys_hash UNIQUE,
    permissions    VARCHAR(100)  NOT NULL,
    scope          VARCHAR(80)   NOT NULL,
    created_by     NVARCHAR(100) NOT NULL,
    created_at_utc DATETIME2(7)  NOT NULL,
    revoked_at_utc DATETIME2(7)  NULL
);

CREATE TABLE dbo.audit_log (
    id             BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_audit_log PRIMARY KEY,
    at_utc         DATETIME2(7)   NOT NULL,
    actor          NVARCHAR(200)  NOT NULL,
    role           VARCHAR(20)    NOT NULL,
    scope          VARCHAR(80)    NOT NULL,
    action         VARCHAR(40)    NOT NULL,
    case_id        VARCHAR(64)    NULL,
    outcome        VARCHAR(20)    NOT NULL,
    correlation_id VARCHAR(100)   NOT NULL,
    detail         NVARCHAR(1000) NULL
);
CREATE INDEX ix_audit_log_case ON dbo.audit_log (case_id) WHERE case_id IS NOT NULL;
-- An administrator lists every access to one insured person's cases.
CREATE INDEX ix_cases_insured ON dbo.cases (insured_id) WHERE insured_id IS NOT NULL;
CREATE INDEX ix_audit_log_at ON dbo.audit_log (at_utc);

ALTER TABLE dbo.cases ADD personal_data_purged_utc DATETIME2(7) NULL;
GO

CREATE INDEX ix_cases_closed ON dbo.cases (closed_at_utc) WHERE closed_at_utc IS NOT NULL AND personal_data_purged_utc IS NULL;
GO

-- Append-only, whoever asks: the application's login cannot change or delete a row (a DBA can still DENY
-- UPDATE, DELETE on the table to the application's role as well).
CREATE TRIGGER dbo.tr_audit_log_append_only ON dbo.audit_log INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 51000, 'audit_log is append-only', 1;
END;
