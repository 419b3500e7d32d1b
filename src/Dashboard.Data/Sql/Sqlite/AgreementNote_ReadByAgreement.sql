SELECT n.agreement_id AS AgreementId, n.at_utc AS At, n.by_name AS Author, n.status AS Status, n.note AS Note
FROM agreement_notes n
WHERE n.agreement_id = @Id
ORDER BY n.at_utc;
