MERGE dbo.agents WITH (HOLDLOCK) AS t
USING (SELECT @Id AS id, @UnitCode AS unit_code, @ModuleCode AS module_code, @Name AS name) AS s ON t.id = s.id
WHEN MATCHED THEN UPDATE SET unit_code = s.unit_code, module_code = s.module_code, name = s.name
WHEN NOT MATCHED THEN INSERT (id, unit_code, module_code, name) VALUES (s.id, s.unit_code, s.module_code, s.name);
