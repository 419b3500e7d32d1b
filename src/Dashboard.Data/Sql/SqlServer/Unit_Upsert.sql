MERGE dbo.units WITH (HOLDLOCK) AS t
USING (SELECT @Code AS code, @Name AS name, @Type AS type, @RegionCode AS region_code, @Institution AS institution,
    @TimeZone AS time_zone, @Size AS size) AS s ON t.code = s.code
WHEN MATCHED THEN UPDATE SET name = s.name, type = s.type, region_code = s.region_code, institution = s.institution,
    time_zone = s.time_zone, size = s.size
WHEN NOT MATCHED THEN INSERT (code, name, type, region_code, institution, time_zone, size)
    VALUES (s.code, s.name, s.type, s.region_code, s.institution, s.time_zone, s.size);
