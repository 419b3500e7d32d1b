SELECT c.case_id FROM dbo.agreement_cases c WHERE c.agreement_id = @Id ORDER BY c.case_id;
