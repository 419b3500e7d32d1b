-- For the alert job: every committee's address (the ladder's levels 2 and 3).
SELECT c.code AS Code, c.email AS Email
FROM committees c
WHERE c.email IS NOT NULL;
