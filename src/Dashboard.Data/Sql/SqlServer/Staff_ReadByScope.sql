-- The staff within the caller's scope (@Scope…), narrowed by @RegionCode and @UnitCode: each person with their unit's
-- region, their latest certification (null when never certified) and the sessions attended as "1,2,4".
SELECT s.institution AS Institution, s.staff_number AS StaffNumber, s.unit_code AS UnitCode, u.region_code AS RegionCode,
    s.name AS Name, s.staff_role AS StaffRole, s.agent_id AS AgentId,
    CONVERT(CHAR(10), c.certified_on, 23) AS CertifiedOn, CONVERT(CHAR(10), c.expires_on, 23) AS ExpiresOn,
    (SELECT STRING_AGG(CAST(t.session_number AS VARCHAR(10)), ',') FROM dbo.staff_training t
        WHERE t.institution = s.institution AND t.staff_number = s.staff_number) AS Sessions
FROM dbo.staff s
JOIN dbo.units u ON u.code = s.unit_code
LEFT JOIN dbo.staff_certifications c ON c.institution = s.institution AND c.staff_number = s.staff_number
    AND c.certified_on = (SELECT MAX(c2.certified_on) FROM dbo.staff_certifications c2
        WHERE c2.institution = s.institution AND c2.staff_number = s.staff_number)
WHERE 1 = 1
    -- #include UnitInScope
ORDER BY u.region_code, s.unit_code, s.name, s.staff_number;
