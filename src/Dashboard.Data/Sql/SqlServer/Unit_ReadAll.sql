SELECT code AS Code, name AS Name, type AS Type, region_code AS RegionCode, institution AS Institution,
    time_zone AS TimeZone, size AS Size
FROM dbo.units
ORDER BY code;
