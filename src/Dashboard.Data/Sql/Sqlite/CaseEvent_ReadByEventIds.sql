SELECT event_id AS EventId, sequence AS Sequence, content_hash AS ContentHash
FROM case_events
WHERE event_id IN @EventIds;
