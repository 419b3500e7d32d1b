SELECT source, started_at_utc AS StartedAt, after_sequence AS AfterSequence, lines_done AS LinesDone, last_sequence AS LastSequence, completed_at_utc AS CompletedAt FROM history_imports;
