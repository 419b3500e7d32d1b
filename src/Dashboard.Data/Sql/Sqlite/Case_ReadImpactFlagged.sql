-- Cases flagged with institutional impact that are still open or were flagged within the period, most recent first.
SELECT c.case_id AS CaseId, c.unit_code AS UnitCode, c.category AS Category, c.status AS Status, c.escalation_level AS EscalationLevel,
    c.impact_flagged_utc AS FlaggedAt, c.impact_reason AS Reason
FROM cases c
WHERE c.impact_flagged_utc IS NOT NULL
    AND (c.is_open = 1 OR (c.impact_flagged_utc >= @From AND c.impact_flagged_utc < @To))
    AND (@ScopeInstitution IS NULL OR c.institution = @ScopeInstitution)
    AND (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode)
ORDER BY c.impact_flagged_utc DESC, c.case_id
LIMIT @Max;
