SELECT code AS Code, unit_code AS UnitCode, name AS Name
FROM dbo.modules
ORDER BY code;
