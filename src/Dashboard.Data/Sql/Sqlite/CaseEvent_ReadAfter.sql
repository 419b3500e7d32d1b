SELECT sequence AS Sequence, event_id AS EventId, case_id AS CaseId, type AS Type, occurred_at_utc AS OccurredAt,
    recorded_at_utc AS RecordedAt, unit_code AS UnitCode, region_code AS RegionCode,
    status_after AS Status, complex_after AS Complex, priority_after AS Priority, escalation_after AS EscalationLevel, data AS DataJson
FROM case_events
WHERE sequence > @AfterSequence
    AND (@RegionCode IS NULL OR region_code = @RegionCode)
    AND (@UnitCode IS NULL OR unit_code = @UnitCode)
ORDER BY sequence
LIMIT @Limit;
