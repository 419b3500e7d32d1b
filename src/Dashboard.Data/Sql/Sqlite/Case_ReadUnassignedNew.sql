-- The new cases nobody has taken yet, oldest first: what a unit's técnicas may take. The scope's lines are left out
-- when empty (SqlScripts.For): written as "(@ScopeUnitCode IS NULL OR c.unit_code = …)" no unit index could be used,
-- and a técnica's desk walked every case by opening, 4–4.7 s at 10 M cases.
SELECT
    -- #include CaseColumns
FROM cases c
WHERE c.agent_id IS NULL AND c.is_open = 1 AND c.status = 'New'
    AND c.region_code = @ScopeRegionCode -- when @ScopeRegionCode
    AND c.region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution) -- when @ScopeInstitution
    AND c.unit_code = @ScopeUnitCode -- when @ScopeUnitCode
-- Within a region the order is sorted ("+": not read from an index): otherwise SQLite walked the region's cases by
-- opening (ix_cases_region_opened) and looked each one up, 5–12 s for an OOAD at 10 M cases; now it reads the
-- region's open cases (ix_cases_region_open) and sorts them, 63 ms.
ORDER BY
    +c.opened_at_utc, -- when @ScopeRegionCode
    c.opened_at_utc, c.case_id
LIMIT 200;
