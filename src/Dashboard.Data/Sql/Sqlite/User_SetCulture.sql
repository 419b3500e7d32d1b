UPDATE users SET culture = @Culture
WHERE id = @Id;
