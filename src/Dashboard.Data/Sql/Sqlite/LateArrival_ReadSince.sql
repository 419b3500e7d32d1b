-- The administrators' data-quality figures: late arrivals per source and day, from @Since (a day, yyyy-MM-dd) on.
SELECT l.day AS Day, l.source_kind AS SourceKind, l.source_id AS SourceId, l.source_name AS SourceName,
    l.late_count AS Late, l.withdrew_count AS Withdrew, l.beyond_window_count AS BeyondWindow
FROM late_arrivals l
WHERE l.day >= @Since
ORDER BY l.day DESC, l.source_kind, l.source_id;
