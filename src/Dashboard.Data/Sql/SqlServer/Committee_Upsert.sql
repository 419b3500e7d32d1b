-- From the catalogue: a new committee is added, a renamed region or UMAE renames its committee; the address stays.
MERGE dbo.committees WITH (HOLDLOCK) AS target
USING (SELECT @Code AS code) AS source
ON target.code = source.code
WHEN MATCHED THEN UPDATE SET name = @Name, region_code = @RegionCode
WHEN NOT MATCHED THEN INSERT (code, institution, kind, region_code, unit_code, name, email)
    VALUES (@Code, @Institution, @Kind, @RegionCode, @UnitCode, @Name, NULL);
