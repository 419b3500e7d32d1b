-- A finding becomes one agreement: one already acted on stays with its agreement.
UPDATE brigade_findings SET agreement_id = @AgreementId WHERE id = @FindingId AND agreement_id IS NULL;
