-- From the catalogue: a new committee is added, a renamed region or UMAE renames its committee; the address stays.
INSERT INTO committees (code, institution, kind, region_code, unit_code, name, email)
VALUES (@Code, @Institution, @Kind, @RegionCode, @UnitCode, @Name, NULL)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, region_code = excluded.region_code;
