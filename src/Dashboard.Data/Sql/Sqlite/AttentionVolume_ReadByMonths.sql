-- The volumes of the months @FromMonth to @ToMonth (first days, yyyy-MM-dd) within the caller's scope (@Scope…),
-- narrowed by @RegionCode and @UnitCode; the unit's region and institution come from the catalogue.
SELECT v.unit_code AS UnitCode, v.month AS Month, v.attentions AS Attentions, u.region_code AS RegionCode,
    u.institution AS Institution, v.imported_at_utc AS ImportedAt, v.imported_by AS ImportedBy
FROM attention_volumes v
JOIN units u ON u.code = v.unit_code
WHERE v.month BETWEEN @FromMonth AND @ToMonth
    -- #include UnitInScope
ORDER BY v.month, v.unit_code;
