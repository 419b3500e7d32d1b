-- Complaints opened per unit and ISO week of the period from the weekly counters (the reader binds @Kind = 'Complaint';
-- @OpenedFrom is a Monday and @OpenedTo a Sunday); weeks without complaints are absent. The caller's scope and the
-- query's filters are ANDed, so a filter can narrow the scope, never widen it. Grouped in the table's own order; the
-- reader merges a unit that moved region.
SELECT w.unit_code AS UnitCode, w.week AS Week, SUM(w.opened) AS Complaints
FROM case_weeks w
-- region_code > '': the table's own order even with a category, as the monthly read (not ix_case_weeks_unit and a
-- lookup of every row).
WHERE w.region_code > '' AND w.week >= @OpenedFrom AND w.week <= @OpenedTo
    AND w.region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution) -- when @ScopeInstitution
    AND w.region_code = @ScopeRegionCode -- when @ScopeRegionCode
    AND w.unit_code = @ScopeUnitCode -- when @ScopeUnitCode
    AND w.region_code = @RegionCode -- when @RegionCode
    AND w.unit_code = @UnitCode -- when @UnitCode
    AND w.kind = @Kind -- when @Kind
    AND w.category = @Category -- when @Category
GROUP BY w.region_code, w.week, w.unit_code
HAVING SUM(w.opened) > 0;
