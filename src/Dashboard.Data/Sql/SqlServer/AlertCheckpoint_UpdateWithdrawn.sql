UPDATE dbo.alert_checkpoint SET withdrawn_sequence = @WithdrawnSequence WHERE id = 1 AND withdrawn_sequence < @WithdrawnSequence;
