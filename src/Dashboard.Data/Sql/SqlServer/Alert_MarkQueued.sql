UPDATE dbo.alerts SET queued_at_utc = @Now, status = 'Pending' WHERE id = @Id AND status IN ('Pending', 'Held');
