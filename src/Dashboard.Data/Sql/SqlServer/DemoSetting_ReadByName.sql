SELECT value FROM dbo.demo_settings WHERE name = @Name;
