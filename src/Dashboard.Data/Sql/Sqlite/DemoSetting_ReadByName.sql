SELECT value FROM demo_settings WHERE name = @Name;
