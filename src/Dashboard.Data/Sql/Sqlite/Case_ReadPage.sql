-- The caller's scope (@Scope…) and the query's filters are ANDed: a filter can narrow the scope, never widen it.
-- Day filters compare the day on each case's unit clock (@ZoneOffsets: zone → UTC offset); the @…Utc bounds only
-- narrow the range an index has to read.
-- The order is one of a closed set (@Sort is a CaseSort name, never a column from outside): each CASE is NULL for
-- every row unless its order is the one asked for; a missing due date sorts last.
WITH zones AS (
    SELECT json_extract(value, '$.zone') AS time_zone, json_extract(value, '$.minutes') || ' minutes' AS shift
    FROM json_each(@ZoneOffsets)
)
SELECT c.case_id AS CaseId, c.unit_code AS UnitCode, c.region_code AS RegionCode, c.institution AS Institution, c.kind AS Kind,
    c.channel AS Channel, c.category AS Category, c.priority AS Priority, c.is_complex AS Complex, c.status AS Status,
    c.escalation_level AS EscalationLevel, c.agent_id AS AgentId, c.insured_id AS InsuredId, c.pause_reason AS PauseReason,
    c.opened_at_utc AS OpenedAt, c.resolved_at_utc AS ResolvedAt, c.closed_at_utc AS ClosedAt, c.updated_at_utc AS UpdatedAt,
    c.last_sequence AS LastSequence,
    c.sla_policy AS SlaPolicy, c.sla_state AS SlaState, c.first_response_due_utc AS FirstResponseDueAt,
    c.first_response_warn_utc AS FirstResponseWarnAt, c.first_response_warned_utc AS FirstResponseWarnedAt, c.first_response_met_utc AS FirstResponseMetAt,
    c.first_response_breached_utc AS FirstResponseBreachedAt, c.resolution_due_utc AS ResolutionDueAt, c.resolution_warn_utc AS ResolutionWarnAt,
    c.resolution_warned_utc AS ResolutionWarnedAt, c.resolution_met_utc AS ResolutionMetAt, c.resolution_breached_utc AS ResolutionBreachedAt,
    c.sla_paused_at_utc AS SlaPausedAt, c.next_deadline_utc AS NextDeadlineAt
FROM cases c
LEFT JOIN units u ON u.code = c.unit_code
LEFT JOIN zones z ON z.time_zone = u.time_zone
WHERE (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode)
    AND (@RegionCode IS NULL OR c.region_code = @RegionCode)
    AND (@UnitCode IS NULL OR c.unit_code = @UnitCode)
    AND (@Kind IS NULL OR c.kind = @Kind)
    AND (@Category IS NULL OR c.category = @Category)
    AND (@Channel IS NULL OR c.channel = @Channel)
    AND (@Priority IS NULL OR c.priority = @Priority)
    AND (@Complex IS NULL OR c.is_complex = @Complex)
    AND (@OpenedFrom IS NULL OR (c.opened_at_utc >= @OpenedFromUtc AND date(c.opened_at_utc, COALESCE(z.shift, '0 minutes')) >= @OpenedFrom))
    AND (@OpenedTo IS NULL OR (c.opened_at_utc < @OpenedToUtc AND date(c.opened_at_utc, COALESCE(z.shift, '0 minutes')) <= @OpenedTo))
    AND (@Open IS NULL OR c.is_open = @Open)
    AND (@Status IS NULL OR c.status = @Status)
    AND (@SlaState IS NULL OR c.sla_state = @SlaState)
    AND (@EscalationLevel IS NULL OR c.escalation_level = @EscalationLevel)
    AND (@BreachedToday = 0
        OR (c.first_response_breached_utc >= @BreachedSinceUtc AND date(c.first_response_breached_utc, COALESCE(z.shift, '0 minutes')) = date(@Now, COALESCE(z.shift, '0 minutes')))
        OR (c.resolution_breached_utc >= @BreachedSinceUtc AND date(c.resolution_breached_utc, COALESCE(z.shift, '0 minutes')) = date(@Now, COALESCE(z.shift, '0 minutes'))))
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
LIMIT @Take OFFSET @Skip;
