SELECT last_sequence FROM dbo.event_sequence WHERE id = 1;
