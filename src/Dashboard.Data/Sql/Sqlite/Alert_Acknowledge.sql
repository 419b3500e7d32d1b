-- Acknowledging one channel's alert acknowledges the escalation: every channel of the case and level stops reminding.
UPDATE alerts
SET acknowledged_at_utc = @Now, acknowledged_by = @By, next_reminder_utc = NULL
WHERE acknowledged_at_utc IS NULL
    AND EXISTS (SELECT 1 FROM alerts target
        WHERE target.id = @Id AND target.case_id = alerts.case_id AND target.level = alerts.level
            AND (@ScopeRegionCode IS NULL OR target.region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR target.region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution))
            AND (@ScopeUnitCode IS NULL OR target.unit_code = @ScopeUnitCode));
