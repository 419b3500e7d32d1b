-- Every counter as stored, to tell what a rebuild corrected.
SELECT unit_code AS UnitCode, status AS Status, is_complex AS Complex, escalation_level AS EscalationLevel, sla_state AS SlaState, cases AS Cases
FROM dbo.case_counts
WHERE cases <> 0;
