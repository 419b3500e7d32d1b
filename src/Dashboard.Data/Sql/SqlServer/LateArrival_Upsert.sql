-- Run by the appender in the transaction that stores the late events (only when a group has one).
MERGE dbo.late_arrivals WITH (HOLDLOCK) AS target
USING (SELECT CAST(@Day AS DATE) AS day, @SourceKind AS source_kind, @SourceId AS source_id, @SourceName AS source_name,
    @Late AS late_count, @Withdrew AS withdrew_count, @BeyondWindow AS beyond_window_count) AS source
ON target.day = source.day AND target.source_kind = source.source_kind AND target.source_id = source.source_id
WHEN MATCHED THEN UPDATE SET
    source_name = source.source_name,
    late_count = target.late_count + source.late_count,
    withdrew_count = target.withdrew_count + source.withdrew_count,
    beyond_window_count = target.beyond_window_count + source.beyond_window_count
WHEN NOT MATCHED THEN INSERT (day, source_kind, source_id, source_name, late_count, withdrew_count, beyond_window_count)
    VALUES (source.day, source.source_kind, source.source_id, source.source_name, source.late_count, source.withdrew_count, source.beyond_window_count);
