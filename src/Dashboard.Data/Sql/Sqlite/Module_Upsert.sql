INSERT INTO modules (code, unit_code, name)
VALUES (@Code, @UnitCode, @Name)
ON CONFLICT (code) DO UPDATE SET unit_code = excluded.unit_code, name = excluded.name;
