-- Every column of a follow-up as AlertFollowUpRow reads it, from alert_follow_ups aliased f.
f.id AS Id, f.alert_id AS AlertId, f.withdrawn_sequence AS WithdrawnSequence, f.clock AS Clock, f.due_at_utc AS DueAt,
f.late_event_type AS LateEventType, f.late_event_at_utc AS LateEventAt, f.case_kind AS CaseKind, f.status AS Status,
f.created_at_utc AS CreatedAt, f.sent_at_utc AS SentAt, f.attempts AS Attempts, f.last_error AS LastError
