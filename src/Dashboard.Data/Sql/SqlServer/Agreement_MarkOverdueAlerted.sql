-- Once: a second instance's job finding the same agreement changes nothing.
UPDATE dbo.agreements SET overdue_alerted_utc = @At WHERE id = @Id AND overdue_alerted_utc IS NULL;
