-- The caller's scope is part of the query: an alert outside it is never read.
SELECT
    -- #include AlertColumns
FROM alerts a
WHERE a.channel = 'InApp'
    AND (@ScopeRegionCode IS NULL OR a.region_code = @ScopeRegionCode)
    AND (@ScopeInstitution IS NULL OR a.region_code IN (SELECT code FROM regions WHERE institution = @ScopeInstitution))
    AND (@ScopeUnitCode IS NULL OR a.unit_code = @ScopeUnitCode)
    AND (@UnacknowledgedOnly = 0 OR a.acknowledged_at_utc IS NULL)
ORDER BY a.created_at_utc DESC, a.id DESC
LIMIT @Limit;
