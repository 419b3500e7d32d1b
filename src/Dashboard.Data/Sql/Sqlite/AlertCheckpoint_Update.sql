UPDATE alert_checkpoint SET last_sequence = @LastSequence WHERE id = 1 AND last_sequence < @LastSequence;
