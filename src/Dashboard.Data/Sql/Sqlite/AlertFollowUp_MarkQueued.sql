UPDATE alert_follow_ups SET queued_at_utc = @Now WHERE id = @Id;
