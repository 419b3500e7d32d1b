-- Every column of a brigade as BrigadeStore reads it, from brigades aliased b.
b.id AS Id, b.institution AS Institution, b.region_code AS RegionCode, b.unit_code AS UnitCode, b.visited_on AS VisitedOn,
b.members AS Members, b.areas AS Areas, b.created_at_utc AS CreatedAt, b.created_by AS CreatedBy
