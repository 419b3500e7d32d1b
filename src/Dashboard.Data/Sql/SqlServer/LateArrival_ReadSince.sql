-- The administrators' data-quality figures: late arrivals per source and day, from @Since (a day, yyyy-MM-dd) on.
SELECT CONVERT(CHAR(10), l.day, 23) AS Day, l.source_kind AS SourceKind, l.source_id AS SourceId, l.source_name AS SourceName,
    l.late_count AS Late, l.withdrew_count AS Withdrew, l.beyond_window_count AS BeyondWindow
FROM dbo.late_arrivals l
WHERE l.day >= CAST(@Since AS DATE)
ORDER BY l.day DESC, l.source_kind, l.source_id;
