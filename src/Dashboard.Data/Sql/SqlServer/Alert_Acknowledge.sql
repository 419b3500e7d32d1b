-- Acknowledging one channel's alert acknowledges the escalation: every channel of the case and level stops reminding.
UPDATE a
SET acknowledged_at_utc = @Now, acknowledged_by = @By, next_reminder_utc = NULL
FROM dbo.alerts a
JOIN dbo.alerts target ON target.case_id = a.case_id AND target.level = a.level
WHERE target.id = @Id AND a.acknowledged_at_utc IS NULL
    AND (@ScopeRegionCode IS NULL OR target.region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR target.region_code IN (SELECT code FROM dbo.regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR target.unit_code = @ScopeUnitCode);
