SELECT last_sequence FROM alert_checkpoint WHERE id = 1;
