UPDATE users SET password_hash = @PasswordHash, version = version + 1
WHERE id = @Id;
