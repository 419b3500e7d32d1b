SELECT COUNT(*) FROM dbo.units;
