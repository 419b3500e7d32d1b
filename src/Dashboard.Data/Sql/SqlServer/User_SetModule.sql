-- A técnica's attention module; her open sessions end, so the next one carries it.
UPDATE dbo.users SET module_code = @ModuleCode, version = version + 1
WHERE id = @Id;
