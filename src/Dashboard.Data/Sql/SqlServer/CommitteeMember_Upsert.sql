MERGE dbo.committee_members WITH (HOLDLOCK) AS target
USING (SELECT @Code AS committee_code, u.id AS user_id FROM dbo.users u
       WHERE u.id = @UserId AND EXISTS (SELECT 1 FROM dbo.committees c WHERE c.code = @Code)) AS source
ON target.committee_code = source.committee_code AND target.user_id = source.user_id
WHEN MATCHED THEN UPDATE SET committee_role = @Role
WHEN NOT MATCHED THEN INSERT (committee_code, user_id, committee_role) VALUES (source.committee_code, source.user_id, @Role);
