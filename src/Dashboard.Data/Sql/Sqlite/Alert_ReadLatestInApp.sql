-- The caller's scope is part of the query: an alert outside it is never read.
SELECT
    -- #include AlertColumns
FROM alerts a
WHERE a.channel = 'InApp'
    AND (@RegionCode IS NULL OR a.region_code = @RegionCode)
    AND (@UnitCode IS NULL OR a.unit_code = @UnitCode)
    AND (@UnacknowledgedOnly = 0 OR a.acknowledged_at_utc IS NULL)
ORDER BY a.created_at_utc DESC, a.id DESC
LIMIT @Limit;
