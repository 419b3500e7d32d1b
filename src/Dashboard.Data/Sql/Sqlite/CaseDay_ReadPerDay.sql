-- Opened, resolved and breached cases per day of the period from the daily counters (CaseDayCounts); days without
-- any are absent.
SELECT d.day AS Day, SUM(d.opened) AS Opened, SUM(d.resolved) AS Resolved, SUM(d.breached) AS Breached
-- #include CaseDays
GROUP BY d.day
HAVING SUM(d.opened) <> 0 OR SUM(d.resolved) <> 0 OR SUM(d.breached) <> 0
ORDER BY d.day;
