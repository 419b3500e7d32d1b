-- Escalation alerts (issue 4): exactly one per (case, level, channel), enforced here, whatever the jobs do.
CREATE TABLE dbo.alerts (
    id                  BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_alerts PRIMARY KEY,
    case_id             VARCHAR(64)    NOT NULL,
    level               INT            NOT NULL,
    channel             VARCHAR(80)    NOT NULL,
    unit_code           VARCHAR(64)    NOT NULL,
    region_code         VARCHAR(64)    NOT NULL,
    is_critical         BIT            NOT NULL,
    escalated_sequence  BIGINT         NOT NULL,
    escalated_at_utc    DATETIME2(7)   NOT NULL,
    reason              NVARCHAR(2000) NOT NULL,
    recipients          NVARCHAR(2000) NULL,
    status              VARCHAR(16)    NOT NULL,
    created_at_utc      DATETIME2(7)   NOT NULL,
    queued_at_utc       DATETIME2(7)   NULL,
    sent_at_utc         DATETIME2(7)   NULL,
    held_until_utc      DATETIME2(7)   NULL,
    attempts            INT            NOT NULL CONSTRAINT df_alerts_attempts DEFAULT 0,
    last_error          NVARCHAR(2000) NULL,
    acknowledged_at_utc DATETIME2(7)   NULL,
    acknowledged_by     NVARCHAR(200)  NULL,
    next_reminder_utc   DATETIME2(7)   NULL,
    reminders           INT            NOT NULL CONSTRAINT df_alerts_reminders DEFAULT 0,
    CONSTRAINT uq_alerts_case_level_channel UNIQUE (case_id, level, channel)
);
CREATE INDEX ix_alerts_status ON dbo.alerts (status, queued_at_utc);
CREATE INDEX ix_alerts_region ON dbo.alerts (region_code, created_at_utc);

-- How far the alert job has read the event log. It starts at the log's end: installing alerts on a database with
-- history must not e-mail every past escalation.
CREATE TABLE dbo.alert_checkpoint (
    id            INT    NOT NULL CONSTRAINT pk_alert_checkpoint PRIMARY KEY CONSTRAINT ck_alert_checkpoint_one CHECK (id = 1),
    last_sequence BIGINT NOT NULL
);
INSERT INTO dbo.alert_checkpoint (id, last_sequence) SELECT 1, COALESCE(MAX(sequence), 0) FROM dbo.case_events;
