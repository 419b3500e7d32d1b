INSERT INTO dbo.agreements (id, committee_code, session_id, type, text, owner_kind, owner_code, due_on, status, created_at_utc, created_by,
    parent_id, institution, region_code, unit_code, overdue_after_utc)
VALUES (@Id, @CommitteeCode, @SessionId, @Type, @Text, @OwnerKind, @OwnerCode, @DueOn, @Status, @CreatedAt, @CreatedBy,
    @ParentId, @Institution, @RegionCode, @UnitCode, @OverdueAfter);
