-- A person of the roster by institution and staff number (the institution is their unit's); a second import replaces
-- their unit, name, role and agent (a person who moved to another unit of the institution keeps their record).
MERGE dbo.staff WITH (HOLDLOCK) AS target
USING (SELECT u.institution, @StaffNumber AS staff_number, u.code AS unit_code FROM dbo.units u WHERE u.code = @UnitCode) AS source
ON target.institution = source.institution AND target.staff_number = source.staff_number
WHEN MATCHED THEN UPDATE SET unit_code = source.unit_code, name = @Name, staff_role = @StaffRole, agent_id = @AgentId
WHEN NOT MATCHED THEN INSERT (institution, staff_number, unit_code, name, staff_role, agent_id)
    VALUES (source.institution, source.staff_number, source.unit_code, @Name, @StaffRole, @AgentId);
