SELECT withdrawn_sequence FROM dbo.alert_checkpoint WHERE id = 1;
