UPDATE users SET revoked_at_utc = @RevokedAt, version = version + 1
WHERE id = @Id;
