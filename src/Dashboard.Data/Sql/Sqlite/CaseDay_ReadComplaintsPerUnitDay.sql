-- Complaints opened per unit and day of the period from the unit daily counters (the reader binds @Kind = 'Complaint'
-- and @ByUnit); days without complaints are absent.
SELECT d.unit_code AS UnitCode, d.day AS Day, SUM(d.opened) AS Complaints
-- #include CaseDays
GROUP BY d.unit_code, d.day
HAVING SUM(d.opened) > 0
ORDER BY d.unit_code, d.day;
