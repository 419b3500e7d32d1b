UPDATE alerts SET status = 'Held', held_until_utc = @Until, queued_at_utc = NULL WHERE id = @Id;
