MERGE dbo.demo_settings WITH (HOLDLOCK) AS target
USING (SELECT @Name AS name, @Value AS value) AS source
ON target.name = source.name
WHEN MATCHED THEN UPDATE SET value = source.value
WHEN NOT MATCHED THEN INSERT (name, value) VALUES (source.name, source.value);
