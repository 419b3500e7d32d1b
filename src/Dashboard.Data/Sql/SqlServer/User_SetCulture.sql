UPDATE dbo.users SET culture = @Culture
WHERE id = @Id;
