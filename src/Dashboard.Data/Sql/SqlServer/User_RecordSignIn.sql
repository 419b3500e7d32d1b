UPDATE dbo.users SET last_sign_in_utc = @At
WHERE id = @Id;
