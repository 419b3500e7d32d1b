-- The order is one of a closed set (@Sort is a CaseSort name, never a column from outside): each CASE is NULL for
-- every row unless its order is the one asked for; a missing due date sorts last.
-- RECOMPILE: each call's mix of NULL filters and its order deserve their own plan (the inert CASEs fold away).
-- #include Zones
SELECT
    -- #include CaseColumns
-- #include FilteredCases
    -- #include OpenedDaysFilter
    -- #include StateFilters
-- The order is only the lines of the sort asked for (CaseFilterParameters.By…), so the default, newest first, reads
-- ix_cases_opened backwards and stops at the page instead of sorting every case of the filter.
ORDER BY
    CASE c.status WHEN 'New' THEN 0 WHEN 'Assigned' THEN 1 WHEN 'Paused' THEN 2 WHEN 'Resolved' THEN 3 ELSE 4 END, -- when @ByStatusAscending
    CASE c.status WHEN 'New' THEN 0 WHEN 'Assigned' THEN 1 WHEN 'Paused' THEN 2 WHEN 'Resolved' THEN 3 ELSE 4 END DESC, -- when @ByStatusDescending
    CASE c.priority WHEN 'Low' THEN 0 WHEN 'Medium' THEN 1 WHEN 'High' THEN 2 ELSE 3 END, -- when @ByPriorityAscending
    CASE c.priority WHEN 'Low' THEN 0 WHEN 'Medium' THEN 1 WHEN 'High' THEN 2 ELSE 3 END DESC, -- when @ByPriorityDescending
    c.escalation_level, -- when @ByEscalationLevelAscending
    c.escalation_level DESC, -- when @ByEscalationLevelDescending
    CASE WHEN c.resolution_due_utc IS NULL THEN 1 ELSE 0 END, -- when @ByDue
    c.resolution_due_utc, -- when @ByDueAscending
    c.resolution_due_utc DESC, -- when @ByDueDescending
    c.opened_at_utc, -- when @ByOpenedAscending
    c.opened_at_utc DESC, c.case_id
OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
OPTION (RECOMPILE);
