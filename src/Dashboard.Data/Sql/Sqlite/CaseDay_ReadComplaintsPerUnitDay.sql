-- Complaints opened per unit and day of the period from the unit daily counters (the reader binds @Kind = 'Complaint'
-- and @ByUnit); days without complaints are absent. Grouped in the table's own order (region, day, unit), so a national
-- year streams without a sort; the reader merges a unit's rows from two regions (it moved) and orders them.
SELECT d.unit_code AS UnitCode, d.day AS Day, SUM(d.opened) AS Complaints
-- #include CaseDays
GROUP BY d.region_code, d.day, d.unit_code
HAVING SUM(d.opened) > 0;
