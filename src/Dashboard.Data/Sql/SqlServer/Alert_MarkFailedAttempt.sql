UPDATE dbo.alerts SET attempts = attempts + 1, last_error = @Error WHERE id = @Id;
