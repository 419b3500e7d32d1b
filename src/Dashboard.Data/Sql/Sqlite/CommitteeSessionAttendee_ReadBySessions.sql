SELECT a.session_id AS SessionId, a.user_id AS UserId
FROM committee_session_attendees a
WHERE a.session_id IN (SELECT s.id FROM committee_sessions s WHERE s.committee_code = @CommitteeCode OR s.id = @Id);
