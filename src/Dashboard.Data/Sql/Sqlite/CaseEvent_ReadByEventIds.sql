SELECT event_id AS EventId, sequence AS Sequence, content_hash AS ContentHash
FROM case_events
-- One JSON array parameter, however many ids: no per-id parameters to bind.
WHERE event_id IN (SELECT value FROM json_each(@EventIds));
