-- The new cases nobody has taken yet, oldest first: what a unit's técnicas may take. The scope's lines are left out
-- when empty (SqlScripts.For): written as "(@ScopeUnitCode IS NULL OR c.unit_code = …)" no unit index could be used,
-- and a técnica's desk walked every case by opening, 4–4.7 s at 10 M cases. A region's lines are written "+c.region_code"
-- so that no region index is used: the untaken cases' own index (ix_cases_untaken), read in opening order, reaches an
-- OOAD's or an institution's 200 first (0–1 ms; through the region's indexes 63 ms to 3 s).
SELECT
    -- #include CaseColumns
FROM cases c
WHERE c.agent_id IS NULL AND c.is_open = 1 AND c.status = 'New'
    AND +c.region_code = @ScopeRegionCode -- when @ScopeRegionCode
    AND +c.region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution) -- when @ScopeInstitution
    AND c.unit_code = @ScopeUnitCode -- when @ScopeUnitCode
-- A unit's untaken cases are few: its own index finds them and they are sorted ("+": not read from an index).
ORDER BY
    +c.opened_at_utc, -- when @ScopeUnitCode
    c.opened_at_utc, c.case_id
LIMIT 200;
