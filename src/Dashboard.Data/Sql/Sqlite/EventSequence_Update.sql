UPDATE event_sequence SET last_sequence = @LastSequence WHERE id = 1;
