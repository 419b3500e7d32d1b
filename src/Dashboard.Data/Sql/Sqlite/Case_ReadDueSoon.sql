-- The open cases closest to a deadline they have not missed yet (the wall's "próximos a vencer"): which clock, when,
-- and what the case is about — no personal data. Paused and breached cases are not counting down.
WITH due AS (
    SELECT case_id, unit_code, kind, category, priority, is_complex,
        CASE WHEN first_response_met_utc IS NULL THEN first_response_due_utc END AS fr_due,
        CASE WHEN resolution_met_utc IS NULL THEN resolution_due_utc END AS res_due
    FROM cases
    WHERE is_open = 1 AND sla_state IN ('OnTrack', 'AtRisk')
        AND region_code IN (SELECT code FROM regions WHERE (@ScopeRegionCode IS NULL OR code = @ScopeRegionCode)
            AND (@ScopeInstitution IS NULL OR institution = @ScopeInstitution))
        AND (@ScopeUnitCode IS NULL OR unit_code = @ScopeUnitCode)
)
SELECT case_id AS CaseId, unit_code AS UnitCode, kind AS Kind, category AS Category, priority AS Priority, is_complex AS Complex,
    CASE WHEN fr_due IS NOT NULL AND (res_due IS NULL OR fr_due <= res_due) THEN 'FirstResponse' ELSE 'Resolution' END AS Clock,
    CASE WHEN fr_due IS NOT NULL AND (res_due IS NULL OR fr_due <= res_due) THEN fr_due ELSE res_due END AS DueAt
FROM due
WHERE fr_due IS NOT NULL OR res_due IS NOT NULL
ORDER BY DueAt, case_id
LIMIT @Limit;
