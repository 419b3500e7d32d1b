UPDATE alerts
SET status = 'Sent', sent_at_utc = COALESCE(sent_at_utc, @Now), attempts = attempts + 1, last_error = NULL,
    next_reminder_utc = CASE WHEN acknowledged_at_utc IS NULL THEN @NextReminder ELSE NULL END
WHERE id = @Id;
