-- Only an open agreement moves: a second person finishing it at the same moment changes nothing.
UPDATE dbo.agreements SET status = @Status WHERE id = @AgreementId AND status IN ('Pending', 'InProgress');
