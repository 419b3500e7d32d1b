-- Erases what identifies or describes the person in the payloads; kinds, categories, times and outcomes stay for the
-- aggregates. Only the NSS/DNI and the free texts (summaries, notes, impact reasons) are personal. JSON_MODIFY with NULL removes a key.
UPDATE dbo.case_events
SET data = CASE type
        WHEN 'CaseOpened' THEN JSON_MODIFY(JSON_MODIFY(data, '$.insuredId', NULL), '$.summary', @Erased)
        WHEN 'CaseImpactFlagged' THEN JSON_MODIFY(data, '$.reason', @Erased)
        WHEN 'NoteAdded' THEN JSON_MODIFY(data, '$.text', @Erased)
        ELSE JSON_MODIFY(data, '$.summary', @Erased)
    END
WHERE case_id = @CaseId AND type IN ('CaseOpened', 'NoteAdded', 'CaseResolved', 'CaseImpactFlagged');
