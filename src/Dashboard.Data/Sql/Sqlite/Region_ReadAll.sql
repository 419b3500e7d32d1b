SELECT code AS Code, name AS Name, institution AS Institution, time_zone AS TimeZone
FROM regions
ORDER BY code;
