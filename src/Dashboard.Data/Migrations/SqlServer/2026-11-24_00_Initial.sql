-- Catalogue, the event log with its gap-free sequence, and the case projection.
CREATE TABLE dbo.regions (
    code        VARCHAR(64)   NOT NULL CONSTRAINT pk_regions PRIMARY KEY,
    name        NVARCHAR(200) NOT NULL,
    institution VARCHAR(16)   NOT NULL,
    time_zone   VARCHAR(64)   NOT NULL
);

CREATE TABLE dbo.units (
    code        VARCHAR(64)   NOT NULL CONSTRAINT pk_units PRIMARY KEY,
    name        NVARCHAR(200) NOT NULL,
    type        VARCHAR(32)   NOT NULL,
    region_code VARCHAR(64)   NOT NULL CONSTRAINT fk_units_region REFERENCES dbo.regions (code),
    institution VARCHAR(16)   NOT NULL,
    time_zone   VARCHAR(64)   NOT NULL,
    size        INT           NOT NULL
);
CREATE INDEX ix_units_region ON dbo.units (region_code);

CREATE TABLE dbo.modules (
    code      VARCHAR(64)   NOT NULL CONSTRAINT pk_modules PRIMARY KEY,
    unit_code VARCHAR(64)   NOT NULL CONSTRAINT fk_modules_unit REFERENCES dbo.units (code),
    name      NVARCHAR(200) NOT NULL
);

CREATE TABLE dbo.agents (
    id          VARCHAR(64)   NOT NULL CONSTRAINT pk_agents PRIMARY KEY,
    unit_code   VARCHAR(64)   NOT NULL CONSTRAINT fk_agents_unit REFERENCES dbo.units (code),
    module_code VARCHAR(64)   NOT NULL CONSTRAINT fk_agents_module REFERENCES dbo.modules (code),
    name        NVARCHAR(200) NOT NULL
);
CREATE INDEX ix_agents_unit ON dbo.agents (unit_code);

-- One row holding the last sequence handed out; advanced inside the append transaction, so a rollback leaves no gap
-- (an IDENTITY column would leave gaps on rollback).
CREATE TABLE dbo.event_sequence (
    id            INT    NOT NULL CONSTRAINT pk_event_sequence PRIMARY KEY CONSTRAINT ck_event_sequence_one CHECK (id = 1),
    last_sequence BIGINT NOT NULL
);
INSERT INTO dbo.event_sequence (id, last_sequence) VALUES (1, 0);

CREATE TABLE dbo.case_events (
    sequence        BIGINT           NOT NULL CONSTRAINT pk_case_events PRIMARY KEY,
    event_id        UNIQUEIDENTIFIER NOT NULL CONSTRAINT uq_case_events_event_id UNIQUE,
    case_id         VARCHAR(64)      NOT NULL,
    type            VARCHAR(32)      NOT NULL,
    occurred_at_utc DATETIME2(7)     NOT NULL,
    recorded_at_utc DATETIME2(7)     NOT NULL,
    unit_code       VARCHAR(64)      NOT NULL,
    region_code     VARCHAR(64)      NOT NULL,
    -- The case's board-relevant state right after this event.
    status_after     VARCHAR(16)      NOT NULL,
    complex_after    BIT              NOT NULL,
    priority_after   VARCHAR(16)      NOT NULL,
    escalation_after INT              NOT NULL,
    data            NVARCHAR(MAX)    NOT NULL,
    content_hash    CHAR(64)         NOT NULL
);
CREATE INDEX ix_case_events_case ON dbo.case_events (case_id, sequence);
-- No index by region or unit: scoped catch-up reads walk the clustered key from the client's recent sequence.

CREATE TABLE dbo.cases (
    case_id           VARCHAR(64)  NOT NULL CONSTRAINT pk_cases PRIMARY KEY,
    unit_code         VARCHAR(64)  NOT NULL CONSTRAINT fk_cases_unit REFERENCES dbo.units (code),
    region_code       VARCHAR(64)  NOT NULL CONSTRAINT fk_cases_region REFERENCES dbo.regions (code),
    institution       VARCHAR(16)  NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    category          VARCHAR(64)  NOT NULL,
    priority          VARCHAR(16)  NOT NULL,
    is_complex        BIT          NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    is_open           BIT          NOT NULL,
    escalation_level  INT          NOT NULL,
    agent_id          VARCHAR(64)  NULL,
    -- NSS (11 digits) or DNI (8 digits): personal data, masked by the API.
    insured_id        VARCHAR(32)  NULL,
    pause_reason      VARCHAR(32)  NULL,
    opened_at_utc     DATETIME2(7) NOT NULL,
    resolved_at_utc   DATETIME2(7) NULL,
    closed_at_utc     DATETIME2(7) NULL,
    updated_at_utc    DATETIME2(7) NOT NULL,
    last_sequence     BIGINT       NOT NULL,
    next_deadline_utc DATETIME2(7) NULL
);
CREATE INDEX ix_cases_region_open ON dbo.cases (region_code, is_open, is_complex);
CREATE INDEX ix_cases_unit_open ON dbo.cases (unit_code, is_open, is_complex);
-- The SLA sweep reads only due rows: a range scan on this filtered index.
CREATE INDEX ix_cases_next_deadline ON dbo.cases (next_deadline_utc) WHERE next_deadline_utc IS NOT NULL;
