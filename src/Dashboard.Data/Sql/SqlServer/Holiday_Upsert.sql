MERGE dbo.holidays WITH (HOLDLOCK) AS target
USING (SELECT @Country AS country, CAST(@Date AS DATE) AS [date], @Name AS name) AS source
ON target.country = source.country AND target.[date] = source.[date]
WHEN MATCHED THEN UPDATE SET name = source.name
WHEN NOT MATCHED THEN INSERT (country, [date], name) VALUES (source.country, source.[date], source.name);
