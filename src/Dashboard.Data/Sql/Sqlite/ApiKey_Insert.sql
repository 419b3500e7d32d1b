INSERT INTO api_keys (id, name, key_sha256, permissions, scope, created_by, created_at_utc)
SELECT @Id, @Name, @KeySha256, @Permissions, @Scope, @CreatedBy, @CreatedAt
WHERE NOT EXISTS (SELECT 1 FROM api_keys WHERE name = @Name);
