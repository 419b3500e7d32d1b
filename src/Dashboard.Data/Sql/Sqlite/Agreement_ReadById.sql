SELECT 
-- #include AgreementColumns
FROM agreements a
WHERE a.id = @Id
ORDER BY a.id;
