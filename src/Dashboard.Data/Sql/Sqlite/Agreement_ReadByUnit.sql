-- A unit's agreements, of every committee: its page shows them to its director.
SELECT 
-- #include AgreementColumns
FROM agreements a
WHERE a.owner_kind = 'Unit' AND a.owner_code = @UnitCode
ORDER BY a.due_on, a.created_at_utc;
