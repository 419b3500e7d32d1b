UPDATE committees SET email = @Email WHERE code = @Code;
