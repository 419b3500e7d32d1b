SELECT country AS Country, date AS Date, name AS Name
FROM holidays
ORDER BY country, date;
