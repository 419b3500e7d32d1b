INSERT INTO committee_members (committee_code, user_id, committee_role)
SELECT @Code, u.id, @Role FROM users u WHERE u.id = @UserId AND EXISTS (SELECT 1 FROM committees c WHERE c.code = @Code)
ON CONFLICT (committee_code, user_id) DO UPDATE SET committee_role = excluded.committee_role;
