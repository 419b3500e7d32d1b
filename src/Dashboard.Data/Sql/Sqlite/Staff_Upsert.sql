-- A person of the roster by institution and staff number (the institution is their unit's); a second import replaces
-- their unit, name, role and agent (a person who moved to another unit of the institution keeps their record).
INSERT INTO staff (institution, staff_number, unit_code, name, staff_role, agent_id)
SELECT u.institution, @StaffNumber, u.code, @Name, @StaffRole, @AgentId FROM units u WHERE u.code = @UnitCode
ON CONFLICT (institution, staff_number) DO UPDATE SET
    unit_code = excluded.unit_code, name = excluded.name, staff_role = excluded.staff_role, agent_id = excluded.agent_id;
