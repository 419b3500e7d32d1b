INSERT INTO dbo.brigade_findings (id, brigade_id, category, staff_role, text) VALUES (@Id, @BrigadeId, @Category, @StaffRole, @Text);
