SELECT code AS Code, name AS Name, institution AS Institution, time_zone AS TimeZone
FROM dbo.regions
ORDER BY code;
