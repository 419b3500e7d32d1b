-- Complaints opened per unit and month of the period from the monthly counters (the reader binds @Kind = 'Complaint';
-- @OpenedFrom and @OpenedTo are the first and last days of whole months); months without complaints are absent. The caller's scope and the query's
-- filters are ANDed, so a filter can narrow the scope, never widen it. Grouped in the table's own order (a national
-- read streams: 93–116 ms at 10 M cases, 245–296 ms grouped by unit); the reader merges a unit that moved region.
SELECT m.unit_code AS UnitCode, m.month AS Month, SUM(m.opened) AS Complaints
FROM case_months m
-- region_code > '': the table's own order even with a category (the planner took ix_case_months_unit and looked every
-- row up again, 235–280 ms nationally instead of 56–101 ms).
WHERE m.region_code > '' AND m.month >= substr(@OpenedFrom, 1, 7) AND m.month <= substr(@OpenedTo, 1, 7)
    AND m.region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution) -- when @ScopeInstitution
    AND m.region_code = @ScopeRegionCode -- when @ScopeRegionCode
    AND m.unit_code = @ScopeUnitCode -- when @ScopeUnitCode
    AND m.region_code = @RegionCode -- when @RegionCode
    AND m.unit_code = @UnitCode -- when @UnitCode
    AND m.kind = @Kind -- when @Kind
    AND m.category = @Category -- when @Category
GROUP BY m.region_code, m.month, m.unit_code
HAVING SUM(m.opened) > 0;
