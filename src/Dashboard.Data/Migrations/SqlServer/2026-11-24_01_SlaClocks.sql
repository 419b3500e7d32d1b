-- SLA clocks on the case projection (issue 4): each clock's deadline, warning, and what became of it.
ALTER TABLE dbo.cases ADD
    sla_policy VARCHAR(64) NULL,
    sla_state VARCHAR(16) NULL,
    first_response_due_utc DATETIME2(7) NULL,
    first_response_warn_utc DATETIME2(7) NULL,
    first_response_warned_utc DATETIME2(7) NULL,
    first_response_met_utc DATETIME2(7) NULL,
    first_response_breached_utc DATETIME2(7) NULL,
    resolution_due_utc DATETIME2(7) NULL,
    resolution_warn_utc DATETIME2(7) NULL,
    resolution_warned_utc DATETIME2(7) NULL,
    resolution_met_utc DATETIME2(7) NULL,
    resolution_breached_utc DATETIME2(7) NULL,
    sla_paused_at_utc DATETIME2(7) NULL;

-- Days off an administrator adds to a country's holiday rules (a decreed non-working day, a local election).
CREATE TABLE dbo.holidays (
    country VARCHAR(16)   NOT NULL,
    [date]  DATE          NOT NULL,
    name    NVARCHAR(200) NOT NULL,
    CONSTRAINT pk_holidays PRIMARY KEY (country, [date])
);
