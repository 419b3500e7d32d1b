UPDATE dbo.users SET display_name = @DisplayName, email = @Email, role = @Role, scope = @Scope, version = version + 1
WHERE id = @Id;
