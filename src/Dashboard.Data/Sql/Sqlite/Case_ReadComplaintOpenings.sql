-- The complaints against the given units' staff roles opened since @Since: what repeat escalation rules compare with.
SELECT c.case_id AS CaseId, c.unit_code AS UnitCode, c.staff_role AS StaffRole, c.opened_at_utc AS OpenedAt
FROM cases c
WHERE c.unit_code IN (SELECT value FROM json_each(@UnitCodes))
  AND c.staff_role IN (SELECT value FROM json_each(@StaffRoles))
  AND c.kind = 'Complaint'
  AND c.opened_at_utc >= @Since;
