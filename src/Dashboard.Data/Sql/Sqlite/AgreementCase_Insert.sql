INSERT INTO agreement_cases (agreement_id, case_id) VALUES (@AgreementId, @CaseId);
