-- One row per (status, complex, escalation level, SLA state of an open case) within the scope and filters (each only when it has a value), from
-- the counters the database keeps beside the cases (case_counts); the store folds them into counts.
SELECT status AS Status, is_complex AS Complex, escalation_level AS EscalationLevel, sla_state AS SlaState, SUM(cases) AS Cases
FROM dbo.case_counts
WHERE 1 = 1
    AND region_code = @ScopeRegionCode -- when @ScopeRegionCode
    AND region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution) -- when @ScopeInstitution
    AND unit_code = @ScopeUnitCode -- when @ScopeUnitCode
    AND region_code = @RegionCode -- when @RegionCode
    AND unit_code = @UnitCode -- when @UnitCode
GROUP BY status, is_complex, escalation_level, sla_state
OPTION (RECOMPILE);
