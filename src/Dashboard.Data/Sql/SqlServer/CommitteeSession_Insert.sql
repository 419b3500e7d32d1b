-- A second planning of the same ordinary session adds nothing.
INSERT INTO dbo.committee_sessions (id, committee_code, kind, scheduled_on, title, status)
SELECT @Id, @CommitteeCode, @Kind, @ScheduledOn, @Title, 'Planned'
WHERE @Kind <> 'Ordinary'
   OR NOT EXISTS (SELECT 1 FROM dbo.committee_sessions s WITH (UPDLOCK, HOLDLOCK)
                  WHERE s.committee_code = @CommitteeCode AND s.scheduled_on = @ScheduledOn AND s.kind = 'Ordinary');
