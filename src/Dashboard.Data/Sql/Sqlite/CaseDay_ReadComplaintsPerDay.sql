-- Complaints opened per day of the period from the daily counters (the reader binds @Kind = 'Complaint'); days without
-- complaints are absent.
SELECT d.day AS Day, SUM(d.opened) AS Complaints
-- #include CaseDays
GROUP BY d.day
HAVING SUM(d.opened) > 0
ORDER BY d.day;
