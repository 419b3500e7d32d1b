-- The open cases closest to a deadline they have not missed yet (the wall's "próximos a vencer"): which clock, when,
-- and what the case is about — no personal data. Paused and breached cases are not counting down.
-- A case counting down has its next deadline (the warning before a deadline, or the deadline) at or before the deadline
-- shown, so the deadlines of the first @Limit cases in ix_cases_next_deadline's order bound how far that index is read:
-- a few hundred entries, not every open case: 0–17 ms in any scope at 10 M cases, where it was 0.5–1.3 s.
WITH due AS (
    SELECT case_id, unit_code, kind, category, priority, is_complex, next_deadline_utc,
        CASE WHEN first_response_met_utc IS NULL THEN first_response_due_utc END AS fr_due,
        CASE WHEN resolution_met_utc IS NULL THEN resolution_due_utc END AS res_due
    FROM cases
    -- The unary + keeps the planner off the open-case indexes of a region (it read every open case and sorted them);
    -- a unit's few open cases are read through its own.
    WHERE next_deadline_utc IS NOT NULL AND +is_open = 1 AND sla_state IN ('OnTrack', 'AtRisk')
        AND +region_code IN (SELECT code FROM regions WHERE (@ScopeRegionCode IS NULL OR code = @ScopeRegionCode)
            AND (@ScopeInstitution IS NULL OR institution = @ScopeInstitution))
        AND unit_code = @ScopeUnitCode -- when @ScopeUnitCode
),
shown AS (
    SELECT case_id, unit_code, kind, category, priority, is_complex, next_deadline_utc,
        CASE WHEN fr_due IS NOT NULL AND (res_due IS NULL OR fr_due <= res_due) THEN 'FirstResponse' ELSE 'Resolution' END AS clock,
        CASE WHEN fr_due IS NOT NULL AND (res_due IS NULL OR fr_due <= res_due) THEN fr_due ELSE res_due END AS due_at
    FROM due
    WHERE fr_due IS NOT NULL OR res_due IS NOT NULL
),
bound AS (
    SELECT MAX(due_at) AS last_due FROM (SELECT due_at FROM shown ORDER BY next_deadline_utc LIMIT @Limit) first_ones
)
SELECT case_id AS CaseId, unit_code AS UnitCode, kind AS Kind, category AS Category, priority AS Priority, is_complex AS Complex,
    clock AS Clock, due_at AS DueAt
FROM shown
WHERE next_deadline_utc <= (SELECT last_due FROM bound)
ORDER BY due_at, case_id
LIMIT @Limit;
