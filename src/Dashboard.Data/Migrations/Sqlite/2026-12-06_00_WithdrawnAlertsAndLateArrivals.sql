-- A breach withdrawn (issue 20): the alerts of the escalations it stood down are acknowledged by Tablero itself, marked
-- with the withdrawal (its event's sequence and the clock), and whoever had been alerted gets one follow-up.
ALTER TABLE alerts ADD COLUMN withdrawn_sequence INTEGER NULL;
ALTER TABLE alerts ADD COLUMN withdrawn_clock TEXT NULL;

-- One follow-up per alert at most, enforced here: a second run of the job, or two at once, adds nothing.
CREATE TABLE alert_follow_ups (
    id                 INTEGER NOT NULL PRIMARY KEY,
    alert_id           INTEGER NOT NULL,
    withdrawn_sequence INTEGER NOT NULL,
    clock              TEXT NOT NULL,
    due_at_utc         TEXT NOT NULL,
    late_event_type    TEXT NOT NULL,
    late_event_at_utc  TEXT NOT NULL,
    case_kind          TEXT NULL,
    status             TEXT NOT NULL,
    created_at_utc     TEXT NOT NULL,
    queued_at_utc      TEXT NULL,
    sent_at_utc        TEXT NULL,
    attempts           INTEGER NOT NULL DEFAULT 0,
    last_error         TEXT NULL,
    CONSTRAINT uq_alert_follow_ups_alert UNIQUE (alert_id)
);
CREATE INDEX ix_alert_follow_ups_status ON alert_follow_ups (status, queued_at_utc);

-- How far the alert job has read the log for withdrawals. It starts where the alerts' reader is: installing this on a
-- database with history must not send follow-ups about past withdrawals.
ALTER TABLE alert_checkpoint ADD COLUMN withdrawn_sequence INTEGER NOT NULL DEFAULT 0;
UPDATE alert_checkpoint SET withdrawn_sequence = last_sequence;

-- Late arrivals per source and day of arrival (UTC), written in the transaction that stores the late events, so the
-- counts never drift from the log (a replayed event is a duplicate and counts nothing).
CREATE TABLE late_arrivals (
    day                 TEXT NOT NULL,
    source_kind         TEXT NOT NULL,
    source_id           TEXT NOT NULL,
    source_name         TEXT NOT NULL,
    late_count          INTEGER NOT NULL,
    withdrew_count      INTEGER NOT NULL,
    beyond_window_count INTEGER NOT NULL,
    CONSTRAINT pk_late_arrivals PRIMARY KEY (day, source_kind, source_id)
);
