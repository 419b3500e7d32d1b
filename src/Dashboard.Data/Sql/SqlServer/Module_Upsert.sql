MERGE dbo.modules WITH (HOLDLOCK) AS t
USING (SELECT @Code AS code, @UnitCode AS unit_code, @Name AS name) AS s ON t.code = s.code
WHEN MATCHED THEN UPDATE SET unit_code = s.unit_code, name = s.name
WHEN NOT MATCHED THEN INSERT (code, unit_code, name) VALUES (s.code, s.unit_code, s.name);
