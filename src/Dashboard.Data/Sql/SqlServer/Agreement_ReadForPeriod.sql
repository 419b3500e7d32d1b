-- A scope's agreements of a period (a quarter's report): recorded in a session held within the dates or due within
-- them; soonest due first.
SELECT
-- #include AgreementColumns
FROM dbo.agreements a
JOIN dbo.committee_sessions s ON s.id = a.session_id
WHERE ((a.due_on >= @From AND a.due_on <= @To) OR (s.scheduled_on >= @From AND s.scheduled_on <= @To))
    AND (@ScopeInstitution IS NULL OR a.institution = @ScopeInstitution)
    AND (@ScopeRegionCode IS NULL OR a.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR a.unit_code = @ScopeUnitCode)
ORDER BY a.due_on, a.created_at_utc;
