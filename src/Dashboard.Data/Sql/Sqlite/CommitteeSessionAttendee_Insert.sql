INSERT INTO committee_session_attendees (session_id, user_id) VALUES (@Id, @UserId);
