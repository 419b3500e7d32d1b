UPDATE committee_sessions SET status = 'Closed', closed_at_utc = @At, closed_by = @By WHERE id = @Id AND status = 'Open';
