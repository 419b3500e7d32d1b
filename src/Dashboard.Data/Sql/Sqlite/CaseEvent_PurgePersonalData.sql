-- Erases what identifies or describes the person in the payloads; kinds, categories, times and outcomes stay for the
-- aggregates. Only the NSS/DNI and the free texts (summaries, notes, impact reasons) are personal.
UPDATE case_events
SET data = CASE type
        WHEN 'CaseOpened' THEN json_set(json_remove(data, '$.insuredId'), '$.summary', @Erased)
        WHEN 'CaseImpactFlagged' THEN json_set(data, '$.reason', @Erased)
        WHEN 'NoteAdded' THEN json_set(data, '$.text', @Erased)
        ELSE json_set(data, '$.summary', @Erased)
    END
WHERE case_id = @CaseId AND type IN ('CaseOpened', 'NoteAdded', 'CaseResolved', 'CaseImpactFlagged');
