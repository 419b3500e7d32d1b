SELECT 
-- #include AgreementColumns
FROM dbo.agreements a
WHERE a.id = @Id
ORDER BY a.id;
