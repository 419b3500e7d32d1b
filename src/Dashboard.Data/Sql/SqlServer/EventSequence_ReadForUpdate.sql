-- UPDLOCK + HOLDLOCK: one appender at a time holds the sequence until it commits, so sequences are gap-free
-- and a case is never changed by two transactions at once.
SELECT last_sequence FROM dbo.event_sequence WITH (UPDLOCK, HOLDLOCK) WHERE id = 1;
