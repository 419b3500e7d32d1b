UPDATE alerts SET queued_at_utc = NULL WHERE status = 'Pending';
