-- A breach withdrawn (issue 20): the alerts of the escalations it stood down are acknowledged by Tablero itself, marked
-- with the withdrawal (its event's sequence and the clock), and whoever had been alerted gets one follow-up.
ALTER TABLE dbo.alerts ADD withdrawn_sequence BIGINT NULL, withdrawn_clock VARCHAR(32) NULL;

-- One follow-up per alert at most, enforced here: a second run of the job, or two at once, adds nothing.
CREATE TABLE dbo.alert_follow_ups (
    id                 BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_alert_follow_ups PRIMARY KEY,
    alert_id           BIGINT         NOT NULL,
    withdrawn_sequence BIGINT         NOT NULL,
    clock              VARCHAR(32)    NOT NULL,
    due_at_utc         DATETIME2(7)   NOT NULL,
    late_event_type    VARCHAR(64)    NOT NULL,
    late_event_at_utc  DATETIME2(7)   NOT NULL,
    case_kind          VARCHAR(32)    NULL,
    status             VARCHAR(16)    NOT NULL,
    created_at_utc     DATETIME2(7)   NOT NULL,
    queued_at_utc      DATETIME2(7)   NULL,
    sent_at_utc        DATETIME2(7)   NULL,
    attempts           INT            NOT NULL CONSTRAINT df_alert_follow_ups_attempts DEFAULT 0,
    last_error         NVARCHAR(2000) NULL,
    CONSTRAINT uq_alert_follow_ups_alert UNIQUE (alert_id)
);
CREATE INDEX ix_alert_follow_ups_status ON dbo.alert_follow_ups (status, queued_at_utc);

-- How far the alert job has read the log for withdrawals. It starts where the alerts' reader is: installing this on a
-- database with history must not send follow-ups about past withdrawals.
ALTER TABLE dbo.alert_checkpoint ADD withdrawn_sequence BIGINT NOT NULL CONSTRAINT df_alert_checkpoint_withdrawn DEFAULT 0;
GO
UPDATE dbo.alert_checkpoint SET withdrawn_sequence = last_sequence;

-- Late arrivals per source and day of arrival (UTC), written in the transaction that stores the late events, so the
-- counts never drift from the log (a replayed event is a duplicate and counts nothing).
CREATE TABLE dbo.late_arrivals (
    day                 DATE          NOT NULL,
    source_kind         VARCHAR(16)   NOT NULL,
    source_id           NVARCHAR(200) NOT NULL,
    source_name         NVARCHAR(200) NOT NULL,
    late_count          INT           NOT NULL,
    withdrew_count      INT           NOT NULL,
    beyond_window_count INT           NOT NULL,
    CONSTRAINT pk_late_arrivals PRIMARY KEY (day, source_kind, source_id)
);
