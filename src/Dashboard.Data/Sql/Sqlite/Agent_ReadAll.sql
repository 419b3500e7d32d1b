SELECT id AS Id, unit_code AS UnitCode, module_code AS ModuleCode, name AS Name
FROM agents
ORDER BY id;
