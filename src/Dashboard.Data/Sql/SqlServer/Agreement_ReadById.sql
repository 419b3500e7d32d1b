SELECT a.id AS Id, a.committee_code AS CommitteeCode, a.session_id AS SessionId, a.type AS Type, a.text AS Text, a.owner_unit AS OwnerUnitCode,
    CONVERT(CHAR(10), a.due_on, 23) AS DueOn, a.status AS Status, a.created_at_utc AS CreatedAt, a.created_by AS CreatedBy
FROM dbo.agreements a
WHERE a.id = @Id;
