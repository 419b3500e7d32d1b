-- Run by the appender in the transaction that stores the late events (only when a group has one).
INSERT INTO late_arrivals (day, source_kind, source_id, source_name, late_count, withdrew_count, beyond_window_count)
VALUES (@Day, @SourceKind, @SourceId, @SourceName, @Late, @Withdrew, @BeyondWindow)
ON CONFLICT (day, source_kind, source_id) DO UPDATE SET
    source_name = excluded.source_name,
    late_count = late_count + excluded.late_count,
    withdrew_count = withdrew_count + excluded.withdrew_count,
    beyond_window_count = beyond_window_count + excluded.beyond_window_count;
