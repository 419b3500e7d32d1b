-- Every column of an event as CaseEventRow reads it, from case_events aliased e.
e.sequence AS Sequence, e.event_id AS EventId, e.case_id AS CaseId, e.type AS Type, e.occurred_at_utc AS OccurredAt,
e.recorded_at_utc AS RecordedAt, e.unit_code AS UnitCode, e.region_code AS RegionCode,
e.status_after AS Status, e.complex_after AS Complex, e.priority_after AS Priority, e.escalation_after AS EscalationLevel, e.data AS DataJson, e.actor AS Actor
