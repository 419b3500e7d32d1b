-- Escalation alerts (issue 4): exactly one per (case, level, channel), enforced here, whatever the jobs do.
CREATE TABLE alerts (
    id                  INTEGER NOT NULL PRIMARY KEY,
    case_id             TEXT NOT NULL,
    level               INTEGER NOT NULL,
    channel             TEXT NOT NULL,
    unit_code           TEXT NOT NULL,
    region_code         TEXT NOT NULL,
    is_critical         INTEGER NOT NULL,
    escalated_sequence  INTEGER NOT NULL,
    escalated_at_utc    TEXT NOT NULL,
    reason              TEXT NOT NULL,
    recipients          TEXT NULL,
    status              TEXT NOT NULL,
    created_at_utc      TEXT NOT NULL,
    queued_at_utc       TEXT NULL,
    sent_at_utc         TEXT NULL,
    held_until_utc      TEXT NULL,
    attempts            INTEGER NOT NULL DEFAULT 0,
    last_error          TEXT NULL,
    acknowledged_at_utc TEXT NULL,
    acknowledged_by     TEXT NULL,
    next_reminder_utc   TEXT NULL,
    reminders           INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT uq_alerts_case_level_channel UNIQUE (case_id, level, channel)
);
CREATE INDEX ix_alerts_status ON alerts (status, queued_at_utc);
CREATE INDEX ix_alerts_region ON alerts (region_code, created_at_utc);

-- How far the alert job has read the event log. It starts at the log's end: installing alerts on a database with
-- history must not e-mail every past escalation.
CREATE TABLE alert_checkpoint (
    id            INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_sequence INTEGER NOT NULL
);
INSERT INTO alert_checkpoint (id, last_sequence) SELECT 1, COALESCE(MAX(sequence), 0) FROM case_events;
