-- One key's delta from one commit (cases in minus cases out); the first case of a key creates its row.
INSERT INTO case_counts (unit_code, region_code, status, is_complex, escalation_level, sla_state, is_open, cases)
VALUES (@UnitCode, @RegionCode, @Status, @Complex, @EscalationLevel, @SlaState, @Open, @Cases)
ON CONFLICT (unit_code, status, is_complex, escalation_level, sla_state) DO UPDATE SET cases = cases + excluded.cases;
