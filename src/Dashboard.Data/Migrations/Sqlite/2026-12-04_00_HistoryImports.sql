-- History imports (issue 18): one row per imported file, so an interrupted import resumes where it stopped and the
-- alert job knows which escalations were appended by an import. `after_sequence` is the log's end when the import began
-- and `last_sequence` its end when it finished (NULL while it runs): an escalation in that range that became due before
-- `started_at_utc` is history, and nobody is alerted about it.
CREATE TABLE history_imports (
    source           TEXT    NOT NULL PRIMARY KEY,  -- file name and size: the same file resumes, another one starts anew
    started_at_utc   TEXT    NOT NULL,
    after_sequence   INTEGER NOT NULL,
    lines_done       INTEGER NOT NULL,
    last_sequence    INTEGER NULL,
    completed_at_utc TEXT    NULL
);

-- What the Development demo keeps between starts of the same database (the demo wall display's token, so a TV left
-- open survives a restart). Never used in production, which seeds nothing.
CREATE TABLE demo_settings (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
