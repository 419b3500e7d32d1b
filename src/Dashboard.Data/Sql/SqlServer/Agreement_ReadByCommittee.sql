-- A committee's agreements, soonest due first.
SELECT 
-- #include AgreementColumns
FROM dbo.agreements a
WHERE a.committee_code = @CommitteeCode
ORDER BY a.due_on, a.created_at_utc;
