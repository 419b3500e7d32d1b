UPDATE alert_follow_ups SET status = 'Sent', sent_at_utc = @Now, last_error = NULL WHERE id = @Id;
