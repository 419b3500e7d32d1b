-- The new cases nobody has taken yet, oldest first: what a unit's técnicas may take.
SELECT
    -- #include CaseColumns
FROM cases c
WHERE c.agent_id IS NULL AND c.is_open = 1 AND c.status = 'New'
    AND (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR c.region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode)
ORDER BY c.opened_at_utc, c.case_id
LIMIT 200;
