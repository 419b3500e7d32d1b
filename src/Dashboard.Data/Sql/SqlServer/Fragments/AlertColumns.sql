-- Every column of an alert as AlertRow reads it, from alerts aliased a.
a.id AS Id, a.case_id AS CaseId, a.level AS Level, a.channel AS Channel, a.unit_code AS UnitCode, a.region_code AS RegionCode,
a.is_critical AS Critical, a.escalated_sequence AS EscalatedSequence, a.escalated_at_utc AS EscalatedAt, a.reason AS Reason,
a.recipients AS Recipients, a.status AS Status, a.created_at_utc AS CreatedAt, a.sent_at_utc AS SentAt, a.held_until_utc AS HeldUntil,
a.attempts AS Attempts, a.last_error AS LastError, a.acknowledged_at_utc AS AcknowledgedAt, a.acknowledged_by AS AcknowledgedBy,
a.next_reminder_utc AS NextReminderAt, a.reminders AS Reminders, a.withdrawn_sequence AS WithdrawnSequence, a.withdrawn_clock AS WithdrawnClock
