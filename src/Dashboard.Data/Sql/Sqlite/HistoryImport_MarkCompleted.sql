UPDATE history_imports SET last_sequence = @LastSequence, completed_at_utc = @CompletedAt WHERE source = @Source;
