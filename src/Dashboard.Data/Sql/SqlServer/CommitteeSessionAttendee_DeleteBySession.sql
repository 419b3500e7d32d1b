DELETE FROM dbo.committee_session_attendees WHERE session_id = @Id;
