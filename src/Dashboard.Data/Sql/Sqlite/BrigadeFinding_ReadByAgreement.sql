SELECT f.id AS Id, f.brigade_id AS BrigadeId, f.category AS Category, f.staff_role AS StaffRole, f.text AS Text, f.agreement_id AS AgreementId
FROM brigade_findings f
WHERE f.agreement_id = @AgreementId
ORDER BY f.category;
