UPDATE dbo.api_keys SET revoked_at_utc = @At
WHERE id = @Id AND revoked_at_utc IS NULL;
