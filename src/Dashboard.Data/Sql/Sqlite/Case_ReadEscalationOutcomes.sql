-- Escalated cases opened in [@From, @To), by the highest level reached and their status now.
SELECT c.escalation_level AS Level, c.status AS Status, COUNT(*) AS Cases
FROM cases c
WHERE c.escalation_level > 0 AND c.opened_at_utc >= @From AND c.opened_at_utc < @To
    AND (@ScopeInstitution IS NULL OR c.institution = @ScopeInstitution)
    AND (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode)
GROUP BY c.escalation_level, c.status
ORDER BY c.escalation_level, c.status;
