INSERT INTO dbo.agreement_notes (agreement_id, at_utc, by_name, status, note) VALUES (@AgreementId, @At, @By, @Status, @Note);
