-- Per committee of the scope, its agreements by where they stand at @Now (a central original is counted in its copies).
SELECT a.committee_code AS CommitteeCode, COUNT(*) AS Total,
    SUM(CASE WHEN a.status = 'Done' THEN 1 ELSE 0 END) AS Done,
    SUM(CASE WHEN a.status IN ('Pending', 'InProgress') THEN 1 ELSE 0 END) AS [Open],
    SUM(CASE WHEN a.status IN ('Pending', 'InProgress') AND a.overdue_after_utc <= @Now THEN 1 ELSE 0 END) AS Overdue,
    SUM(CASE WHEN a.status = 'Cancelled' THEN 1 ELSE 0 END) AS Cancelled
FROM agreements a
WHERE a.owner_kind <> 'Committees'
    AND (@ScopeInstitution IS NULL OR a.institution = @ScopeInstitution)
    AND (@ScopeRegionCode IS NULL OR a.region_code = @ScopeRegionCode)
    AND (@ScopeUnitCode IS NULL OR a.unit_code = @ScopeUnitCode)
GROUP BY a.committee_code
ORDER BY a.committee_code;
