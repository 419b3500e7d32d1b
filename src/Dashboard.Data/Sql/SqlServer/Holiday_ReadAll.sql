SELECT country AS Country, CONVERT(CHAR(10), [date], 23) AS Date, name AS Name
FROM dbo.holidays
ORDER BY country, [date];
