UPDATE dbo.alert_follow_ups SET queued_at_utc = NULL WHERE status = 'Pending';
