SELECT m.committee_code AS CommitteeCode, u.id AS UserId, u.user_name AS UserName, u.display_name AS DisplayName, m.committee_role AS Role
FROM committee_members m
JOIN users u ON u.id = m.user_id
WHERE m.committee_code = @Code
ORDER BY CASE m.committee_role WHEN 'President' THEN 0 WHEN 'TechnicalSecretary' THEN 1 ELSE 2 END, u.display_name;
