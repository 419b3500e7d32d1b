DELETE FROM committee_session_attendees WHERE session_id = @Id;
