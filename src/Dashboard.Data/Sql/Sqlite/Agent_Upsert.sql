INSERT INTO agents (id, unit_code, module_code, name)
VALUES (@Id, @UnitCode, @ModuleCode, @Name)
ON CONFLICT (id) DO UPDATE SET unit_code = excluded.unit_code, module_code = excluded.module_code, name = excluded.name;
