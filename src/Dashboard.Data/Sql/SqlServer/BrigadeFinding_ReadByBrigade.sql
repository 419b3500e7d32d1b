SELECT f.id AS Id, f.brigade_id AS BrigadeId, f.category AS Category, f.staff_role AS StaffRole, f.text AS Text, f.agreement_id AS AgreementId
FROM dbo.brigade_findings f
WHERE f.brigade_id = @Id
ORDER BY f.category;
