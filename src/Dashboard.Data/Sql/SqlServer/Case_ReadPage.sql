-- The order is one of a closed set (@Sort is a CaseSort name, never a column from outside): each CASE is NULL for
-- every row unless its order is the one asked for; a missing due date sorts last.
-- RECOMPILE: each call's mix of NULL filters and its order deserve their own plan (the inert CASEs fold away).
-- #include Zones
SELECT
    -- #include CaseColumns
-- #include FilteredCases
    -- #include OpenedDaysFilter
    -- #include StateFilters
ORDER BY
    CASE WHEN @Sort = 'Status' AND @Descending = 0 THEN CASE c.status WHEN 'New' THEN 0 WHEN 'Assigned' THEN 1 WHEN 'Paused' THEN 2 WHEN 'Resolved' THEN 3 ELSE 4 END END,
    CASE WHEN @Sort = 'Status' AND @Descending = 1 THEN CASE c.status WHEN 'New' THEN 0 WHEN 'Assigned' THEN 1 WHEN 'Paused' THEN 2 WHEN 'Resolved' THEN 3 ELSE 4 END END DESC,
    CASE WHEN @Sort = 'Priority' AND @Descending = 0 THEN CASE c.priority WHEN 'Low' THEN 0 WHEN 'Medium' THEN 1 WHEN 'High' THEN 2 ELSE 3 END END,
    CASE WHEN @Sort = 'Priority' AND @Descending = 1 THEN CASE c.priority WHEN 'Low' THEN 0 WHEN 'Medium' THEN 1 WHEN 'High' THEN 2 ELSE 3 END END DESC,
    CASE WHEN @Sort = 'EscalationLevel' AND @Descending = 0 THEN c.escalation_level END,
    CASE WHEN @Sort = 'EscalationLevel' AND @Descending = 1 THEN c.escalation_level END DESC,
    CASE WHEN @Sort = 'Due' THEN CASE WHEN c.resolution_due_utc IS NULL THEN 1 ELSE 0 END END,
    CASE WHEN @Sort = 'Due' AND @Descending = 0 THEN c.resolution_due_utc END,
    CASE WHEN @Sort = 'Due' AND @Descending = 1 THEN c.resolution_due_utc END DESC,
    CASE WHEN @Sort = 'Opened' AND @Descending = 0 THEN c.opened_at_utc END,
    c.opened_at_utc DESC, c.case_id
OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
OPTION (RECOMPILE);
