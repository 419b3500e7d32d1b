UPDATE dbo.alerts SET next_reminder_utc = @Next, reminders = reminders + @Counted WHERE id = @Id AND acknowledged_at_utc IS NULL;
