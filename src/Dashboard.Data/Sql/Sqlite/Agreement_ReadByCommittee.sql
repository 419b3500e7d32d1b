SELECT a.id AS Id, a.committee_code AS CommitteeCode, a.session_id AS SessionId, a.type AS Type, a.text AS Text, a.owner_unit AS OwnerUnitCode,
    a.due_on AS DueOn, a.status AS Status, a.created_at_utc AS CreatedAt, a.created_by AS CreatedBy
FROM agreements a
WHERE a.committee_code = @CommitteeCode
ORDER BY a.due_on, a.created_at_utc;
