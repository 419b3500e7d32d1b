-- One key's delta from one commit (cases in minus cases out); the first case of a key creates its row. Appenders are
-- serialized by the event sequence's lock, so the update-then-insert cannot race.
UPDATE dbo.case_counts SET cases = cases + @Cases
WHERE unit_code = @UnitCode AND status = @Status AND is_complex = @Complex AND escalation_level = @EscalationLevel AND sla_state = @SlaState;
IF @@ROWCOUNT = 0
    INSERT INTO dbo.case_counts (unit_code, region_code, status, is_complex, escalation_level, sla_state, is_open, cases)
    VALUES (@UnitCode, @RegionCode, @Status, @Complex, @EscalationLevel, @SlaState, @Open, @Cases);
