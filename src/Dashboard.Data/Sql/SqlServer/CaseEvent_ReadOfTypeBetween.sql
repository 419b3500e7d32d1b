-- The alert job's read: one type in a sequence range, filtered in SQL so a busy log is scanned, not materialized.
SELECT TOP (@Limit) sequence AS Sequence, event_id AS EventId, case_id AS CaseId, type AS Type,
    occurred_at_utc AS OccurredAt, recorded_at_utc AS RecordedAt, unit_code AS UnitCode, region_code AS RegionCode,
    status_after AS Status, complex_after AS Complex, priority_after AS Priority, escalation_after AS EscalationLevel, data AS DataJson
FROM dbo.case_events
WHERE sequence > @AfterSequence AND sequence <= @UpToSequence AND type = @Type
ORDER BY sequence;
