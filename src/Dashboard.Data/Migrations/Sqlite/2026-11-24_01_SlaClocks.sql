-- SLA clocks on the case projection (issue 4): each clock's deadline, warning, and what became of it.
ALTER TABLE cases ADD COLUMN sla_policy TEXT NULL;
ALTER TABLE cases ADD COLUMN sla_state TEXT NULL;
ALTER TABLE cases ADD COLUMN first_response_due_utc TEXT NULL;
ALTER TABLE cases ADD COLUMN first_response_warn_utc TEXT NULL;
ALTER TABLE cases ADD COLUMN first_response_warned_utc TEXT NULL;
ALTER TABLE cases ADD COLUMN first_response_met_utc TEXT NULL;
ALTER TABLE cases ADD COLUMN first_response_breached_utc TEXT NULL;
ALTER TABLE cases ADD COLUMN resolution_due_utc TEXT NULL;
ALTER TABLE cases ADD COLUMN resolution_warn_utc TEXT NULL;
ALTER TABLE cases ADD COLUMN resolution_warned_utc TEXT NULL;
ALTER TABLE cases ADD COLUMN resolution_met_utc TEXT NULL;
ALTER TABLE cases ADD COLUMN resolution_breached_utc TEXT NULL;
ALTER TABLE cases ADD COLUMN sla_paused_at_utc TEXT NULL;

-- Days off an administrator adds to a country's holiday rules (a decreed non-working day, a local election).
CREATE TABLE holidays (
    country TEXT NOT NULL,
    date    TEXT NOT NULL,
    name    TEXT NOT NULL,
    PRIMARY KEY (country, date)
);
