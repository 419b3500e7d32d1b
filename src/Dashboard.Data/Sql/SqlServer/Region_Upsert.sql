MERGE dbo.regions WITH (HOLDLOCK) AS t
USING (SELECT @Code AS code, @Name AS name, @Institution AS institution, @TimeZone AS time_zone) AS s ON t.code = s.code
WHEN MATCHED THEN UPDATE SET name = s.name, institution = s.institution, time_zone = s.time_zone
WHEN NOT MATCHED THEN INSERT (code, name, institution, time_zone) VALUES (s.code, s.name, s.institution, s.time_zone);
