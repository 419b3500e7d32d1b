DELETE FROM dbo.committee_members WHERE committee_code = @Code AND user_id = @UserId;
