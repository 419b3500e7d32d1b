-- A second planning of the same ordinary session adds nothing (the unique index).
INSERT INTO committee_sessions (id, committee_code, kind, scheduled_on, title, status)
VALUES (@Id, @CommitteeCode, @Kind, @ScheduledOn, @Title, 'Planned')
ON CONFLICT DO NOTHING;
