-- The summary's counters recounted from the case rows (the rebuild-counts command), in the writer's transaction.
DELETE FROM case_counts;
INSERT INTO case_counts (unit_code, region_code, status, is_complex, escalation_level, sla_state, is_open, cases)
SELECT unit_code, MIN(region_code), status, is_complex, escalation_level, CASE WHEN is_open = 1 THEN COALESCE(sla_state, '') ELSE '' END,
    MAX(is_open), COUNT(*)
FROM cases
GROUP BY unit_code, status, is_complex, escalation_level, CASE WHEN is_open = 1 THEN COALESCE(sla_state, '') ELSE '' END;
