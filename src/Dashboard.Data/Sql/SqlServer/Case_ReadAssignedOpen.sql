-- A técnica's open cases (new, assigned, paused), nearest deadline of a clock still running first (first response
-- until it is met, then resolution); paused ones after them, and a case without a deadline last.
SELECT TOP (200)
    -- #include CaseColumns
FROM dbo.cases c
WHERE c.agent_id = @AgentId AND c.is_open = 1 AND c.status IN ('New', 'Assigned', 'Paused')
    AND (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR c.region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode)
ORDER BY
    CASE WHEN c.status = 'Paused' THEN 1 ELSE 0 END,
    CASE WHEN (CASE WHEN c.first_response_met_utc IS NULL AND c.first_response_due_utc IS NOT NULL THEN c.first_response_due_utc ELSE c.resolution_due_utc END) IS NULL THEN 1 ELSE 0 END,
    CASE WHEN c.first_response_met_utc IS NULL AND c.first_response_due_utc IS NOT NULL THEN c.first_response_due_utc ELSE c.resolution_due_utc END,
    c.opened_at_utc, c.case_id
OPTION (RECOMPILE);
