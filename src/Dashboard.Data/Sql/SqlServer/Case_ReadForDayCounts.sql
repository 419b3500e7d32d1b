-- What the daily counters and the staff roles' keep of every case (CaseDayCounts, ComplaintStaffDays), for their recount: one pass in storage order, read as it
-- streams (a scan reads the disk in order; a unit's cases are scattered over it).
SELECT c.case_id AS CaseId, c.unit_code AS UnitCode, c.region_code AS RegionCode, c.institution AS Institution, c.kind AS Kind,
    c.category AS Category, c.is_complex AS Complex, c.is_open AS IsOpen, c.sla_state AS SlaState, c.escalation_level AS EscalationLevel,
    c.opened_at_utc AS OpenedAt, c.resolved_at_utc AS ResolvedAt, c.first_response_met_utc AS FirstResponseMetAt,
    c.first_response_breached_utc AS FirstResponseBreachedAt, c.resolution_breached_utc AS ResolutionBreachedAt, c.staff_role AS StaffRole
FROM dbo.cases c;
