UPDATE committee_sessions SET status = 'Open', opened_at_utc = @At, opened_by = @By WHERE id = @Id AND status = 'Planned';
