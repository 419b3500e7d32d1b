INSERT INTO dbo.display_tokens (id, name, token_sha256, scope, created_by, created_at_utc)
VALUES (@Id, @Name, @TokenSha256, @Scope, @CreatedBy, @CreatedAt);
