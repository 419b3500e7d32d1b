SELECT a.session_id AS SessionId, a.user_id AS UserId
FROM dbo.committee_session_attendees a
WHERE a.session_id IN (SELECT s.id FROM dbo.committee_sessions s WHERE s.committee_code = @CommitteeCode OR s.id = @Id);
