-- Only while the session is open: a closed session's minutes are read-only.
UPDATE dbo.committee_sessions SET minutes = @Minutes WHERE id = @Id AND status = 'Open';
