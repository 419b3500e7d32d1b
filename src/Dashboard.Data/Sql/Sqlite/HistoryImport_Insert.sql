INSERT INTO history_imports (source, started_at_utc, after_sequence, lines_done) VALUES (@Source, @StartedAt, @AfterSequence, 0)
ON CONFLICT (source) DO NOTHING;
