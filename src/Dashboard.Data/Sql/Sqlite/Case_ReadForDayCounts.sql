-- What the daily counters keep of each case of one unit (CaseDayCounts), for their recount.
SELECT c.case_id AS CaseId, c.unit_code AS UnitCode, c.region_code AS RegionCode, c.institution AS Institution, c.kind AS Kind,
    c.category AS Category, c.is_complex AS Complex, c.is_open AS IsOpen, c.sla_state AS SlaState, c.escalation_level AS EscalationLevel,
    c.opened_at_utc AS OpenedAt, c.resolved_at_utc AS ResolvedAt, c.first_response_met_utc AS FirstResponseMetAt,
    c.first_response_breached_utc AS FirstResponseBreachedAt, c.resolution_breached_utc AS ResolutionBreachedAt
FROM cases c
WHERE c.unit_code = @UnitCode;
