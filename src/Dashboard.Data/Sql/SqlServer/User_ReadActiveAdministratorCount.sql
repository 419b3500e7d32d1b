SELECT COUNT(*) FROM dbo.users WHERE role = 'Administrator' AND revoked_at_utc IS NULL;
