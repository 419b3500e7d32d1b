-- Complaints of @Category per unit opened in [@From, @To) and in [@PreviousFrom, @From): what "rose" is measured on.
SELECT c.unit_code AS UnitCode,
    SUM(CASE WHEN c.opened_at_utc >= @From THEN 1 ELSE 0 END) AS InPeriod,
    SUM(CASE WHEN c.opened_at_utc < @From THEN 1 ELSE 0 END) AS InPrevious
FROM cases c
WHERE c.kind = 'Complaint' AND c.category = @Category
    AND c.opened_at_utc >= @PreviousFrom AND c.opened_at_utc < @To
    AND (@ScopeInstitution IS NULL OR c.institution = @ScopeInstitution)
    AND (@ScopeRegionCode IS NULL OR c.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR c.unit_code = @ScopeUnitCode)
GROUP BY c.unit_code
ORDER BY c.unit_code;
