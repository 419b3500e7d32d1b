INSERT INTO dbo.agreements (id, committee_code, session_id, type, text, owner_unit, due_on, status, created_at_utc, created_by)
VALUES (@Id, @CommitteeCode, @SessionId, @Type, @Text, @OwnerUnitCode, @DueOn, @Status, @CreatedAt, @CreatedBy);
