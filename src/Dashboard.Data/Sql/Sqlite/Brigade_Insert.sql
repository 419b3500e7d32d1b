INSERT INTO brigades (id, institution, region_code, unit_code, visited_on, members, areas, created_at_utc, created_by)
VALUES (@Id, @Institution, @RegionCode, @UnitCode, @VisitedOn, @Members, @Areas, @CreatedAt, @CreatedBy);
