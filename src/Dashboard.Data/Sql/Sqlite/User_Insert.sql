-- Only when the name is free: the caller learns a clash from the row count, on both providers alike.
INSERT INTO users (id, user_name, display_name, email, password_hash, role, scope, culture, version, created_at_utc, module_code)
SELECT @Id, @UserName, @DisplayName, @Email, @PasswordHash, @Role, @Scope, @Culture, 1, @CreatedAt, @ModuleCode
WHERE NOT EXISTS (SELECT 1 FROM users WHERE user_name = @UserName);
