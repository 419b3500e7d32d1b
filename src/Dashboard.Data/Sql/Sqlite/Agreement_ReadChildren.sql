-- The copies of a central agreement, one per OOAD/Red and UMAE committee.
SELECT 
-- #include AgreementColumns
FROM agreements a
WHERE a.parent_id = @ParentId
ORDER BY a.committee_code;
