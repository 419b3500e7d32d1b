SELECT withdrawn_sequence FROM alert_checkpoint WHERE id = 1;
