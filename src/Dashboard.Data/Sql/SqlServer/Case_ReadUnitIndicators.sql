-- Per unit, the cases opened in [@From, @To): all, complaints, mistreatment, resolved or closed, still open, resolution
-- deadline missed, escalated.
SELECT c.unit_code AS UnitCode, COUNT(*) AS Opened,
    SUM(CASE WHEN c.kind = 'Complaint' THEN 1 ELSE 0 END) AS Complaints,
    SUM(CASE WHEN c.category = @MistreatmentCategory THEN 1 ELSE 0 END) AS Mistreatment,
    SUM(CASE WHEN c.status IN ('Resolved', 'Closed') THEN 1 ELSE 0 END) AS Resolved,
    SUM(CASE WHEN c.is_open = 1 THEN 1 ELSE 0 END) AS [Open],
    SUM(CASE WHEN c.resolution_breached_utc IS NOT NULL THEN 1 ELSE 0 END) AS ResolutionBreached,
    SUM(CASE WHEN c.escalation_level > 0 THEN 1 ELSE 0 END) AS Escalated
FROM dbo.cases c
WHERE c.opened_at_utc >= @From AND c.opened_at_utc < @To
    AND (@ScopeInstitution IS NULL OR c.institution = @ScopeInstitution)
    AND (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode)
GROUP BY c.unit_code
ORDER BY c.unit_code;
