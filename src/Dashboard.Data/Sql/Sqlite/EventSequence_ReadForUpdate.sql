-- The append transaction is BEGIN IMMEDIATE: it already holds SQLite's one write lock.
SELECT last_sequence FROM event_sequence WHERE id = 1;
