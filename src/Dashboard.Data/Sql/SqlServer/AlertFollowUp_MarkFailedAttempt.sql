UPDATE dbo.alert_follow_ups SET attempts = attempts + 1, last_error = @Error WHERE id = @Id;
