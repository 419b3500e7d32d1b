SELECT k.id AS Id, k.name AS Name, k.key_sha256 AS KeySha256, k.permissions AS Permissions, k.scope AS Scope, k.created_by AS CreatedBy, k.created_at_utc AS CreatedAt, k.revoked_at_utc AS RevokedAt
FROM api_keys k
ORDER BY k.name;
