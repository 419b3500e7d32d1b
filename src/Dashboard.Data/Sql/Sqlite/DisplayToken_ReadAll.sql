SELECT t.id AS Id, t.name AS Name, t.token_sha256 AS TokenSha256, t.scope AS Scope, t.created_by AS CreatedBy, t.created_at_utc AS CreatedAt, t.revoked_at_utc AS RevokedAt
FROM display_tokens t
ORDER BY t.created_at_utc DESC;
