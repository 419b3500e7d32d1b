UPDATE dbo.committees SET email = @Email WHERE code = @Code;
