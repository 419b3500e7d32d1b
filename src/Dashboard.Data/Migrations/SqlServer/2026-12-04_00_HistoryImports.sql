-- History imports (issue 18): one row per imported file, so an interrupted import resumes where it stopped and the
-- alert job knows which escalations were appended by an import. `after_sequence` is the log's end when the import began
-- and `last_sequence` its end when it finished (NULL while it runs): an escalation in that range that became due before
-- `started_at_utc` is history, and nobody is alerted about it.
CREATE TABLE dbo.history_imports (
    source           NVARCHAR(400) NOT NULL CONSTRAINT pk_history_imports PRIMARY KEY,
    started_at_utc   DATETIME2     NOT NULL,
    after_sequence   BIGINT        NOT NULL,
    lines_done       BIGINT        NOT NULL,
    last_sequence    BIGINT        NULL,
    completed_at_utc DATETIME2     NULL
);

-- What the Development demo keeps between starts of the same database (the demo wall display's token).
CREATE TABLE dbo.demo_settings (
    name  NVARCHAR(100) NOT NULL CONSTRAINT pk_demo_settings PRIMARY KEY,
    value NVARCHAR(400) NOT NULL
);
