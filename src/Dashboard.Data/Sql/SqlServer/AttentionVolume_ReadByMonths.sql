-- The volumes of the months @FromMonth to @ToMonth (first days, yyyy-MM-dd) within the caller's scope (@Scope…),
-- narrowed by @RegionCode and @UnitCode; the unit's region and institution come from the catalogue.
SELECT v.unit_code AS UnitCode, CONVERT(CHAR(10), v.month, 23) AS Month, v.attentions AS Attentions, u.region_code AS RegionCode,
    u.institution AS Institution, v.imported_at_utc AS ImportedAt, v.imported_by AS ImportedBy
FROM dbo.attention_volumes v
JOIN dbo.units u ON u.code = v.unit_code
WHERE v.month BETWEEN CAST(@FromMonth AS DATE) AND CAST(@ToMonth AS DATE)
    -- #include UnitInScope
ORDER BY v.month, v.unit_code;
