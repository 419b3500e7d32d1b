SELECT code AS Code, unit_code AS UnitCode, name AS Name
FROM modules
ORDER BY code;
