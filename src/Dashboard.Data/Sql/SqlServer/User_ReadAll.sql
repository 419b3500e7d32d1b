SELECT u.id AS Id, u.user_name AS UserName, u.display_name AS DisplayName, u.email AS Email, u.password_hash AS PasswordHash, u.role AS Role, u.scope AS Scope, u.culture AS Culture, u.version AS Version, u.created_at_utc AS CreatedAt, u.revoked_at_utc AS RevokedAt, u.last_sign_in_utc AS LastSignInAt, u.module_code AS ModuleCode
FROM dbo.users u
ORDER BY u.user_name;
