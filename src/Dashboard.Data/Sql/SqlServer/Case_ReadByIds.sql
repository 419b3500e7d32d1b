SELECT case_id AS CaseId, unit_code AS UnitCode, region_code AS RegionCode, institution AS Institution, kind AS Kind,
    channel AS Channel, category AS Category, priority AS Priority, is_complex AS Complex, status AS Status,
    escalation_level AS EscalationLevel, agent_id AS AgentId, insured_id AS InsuredId, pause_reason AS PauseReason,
    opened_at_utc AS OpenedAt, resolved_at_utc AS ResolvedAt, closed_at_utc AS ClosedAt, updated_at_utc AS UpdatedAt,
    last_sequence AS LastSequence
FROM dbo.cases
WHERE case_id IN (SELECT CAST(value AS VARCHAR(64)) FROM OPENJSON(@CaseIds));
