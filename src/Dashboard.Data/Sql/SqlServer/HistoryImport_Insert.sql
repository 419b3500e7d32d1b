INSERT INTO dbo.history_imports (source, started_at_utc, after_sequence, lines_done)
SELECT @Source, @StartedAt, @AfterSequence, 0
WHERE NOT EXISTS (SELECT 1 FROM dbo.history_imports WITH (UPDLOCK, HOLDLOCK) WHERE source = @Source);
