SELECT last_sequence FROM event_sequence WHERE id = 1;
