-- One row per (status, complex, escalation level) within the scope and filters; the store folds them into counts.
SELECT status AS Status, is_complex AS Complex, escalation_level AS EscalationLevel, COUNT(*) AS Cases
FROM cases
WHERE (@ScopeRegionCode IS NULL OR region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
    AND (@RegionCode IS NULL OR region_code = @RegionCode)
    AND (@UnitCode IS NULL OR unit_code = @UnitCode)
GROUP BY status, is_complex, escalation_level;
