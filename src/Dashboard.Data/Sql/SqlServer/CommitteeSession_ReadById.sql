SELECT s.id AS Id, s.committee_code AS CommitteeCode, s.kind AS Kind, CONVERT(CHAR(10), s.scheduled_on, 126) AS ScheduledOn, s.title AS Title, s.status AS Status, s.minutes AS Minutes,
    s.opened_at_utc AS OpenedAt, s.opened_by AS OpenedBy, s.closed_at_utc AS ClosedAt, s.closed_by AS ClosedBy
FROM dbo.committee_sessions s
WHERE s.id = @Id;
