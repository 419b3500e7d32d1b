-- Every column of an agreement as AgreementStore reads it, from agreements aliased a.
a.id AS Id, a.committee_code AS CommitteeCode, a.session_id AS SessionId, a.type AS Type, a.text AS Text,
a.owner_kind AS OwnerKind, a.owner_code AS OwnerCode, CONVERT(CHAR(10), a.due_on, 23) AS DueOn, a.status AS Status, a.created_at_utc AS CreatedAt,
a.created_by AS CreatedBy, a.parent_id AS ParentId, a.institution AS Institution, a.region_code AS RegionCode, a.unit_code AS UnitCode,
a.overdue_after_utc AS OverdueAfter
