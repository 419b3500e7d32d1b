INSERT INTO regions (code, name, institution, time_zone)
VALUES (@Code, @Name, @Institution, @TimeZone)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, institution = excluded.institution, time_zone = excluded.time_zone;
