INSERT INTO units (code, name, type, region_code, institution, time_zone, size)
VALUES (@Code, @Name, @Type, @RegionCode, @Institution, @TimeZone, @Size)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type, region_code = excluded.region_code,
    institution = excluded.institution, time_zone = excluded.time_zone, size = excluded.size;
