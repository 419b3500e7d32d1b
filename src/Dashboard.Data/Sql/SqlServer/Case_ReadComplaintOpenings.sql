-- The complaints against the given units' staff roles opened since @Since: what repeat escalation rules compare with.
SELECT c.case_id AS CaseId, c.unit_code AS UnitCode, c.staff_role AS StaffRole, c.opened_at_utc AS OpenedAt
FROM dbo.cases c
WHERE c.unit_code IN (SELECT CAST(value AS VARCHAR(64)) FROM OPENJSON(@UnitCodes))
  AND c.staff_role IN (SELECT CAST(value AS VARCHAR(64)) FROM OPENJSON(@StaffRoles))
  AND c.kind = 'Complaint'
  AND c.opened_at_utc >= @Since;
