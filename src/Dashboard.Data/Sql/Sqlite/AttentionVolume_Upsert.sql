-- A unit's attentions in a month, with the unit's institution from the catalogue; a second import of the same unit and
-- month replaces it (a corrected file).
INSERT INTO attention_volumes (institution, unit_code, month, attentions, imported_at_utc, imported_by)
SELECT u.institution, u.code, @Month, @Attentions, @ImportedAt, @ImportedBy
FROM units u
WHERE u.code = @UnitCode
ON CONFLICT (unit_code, month) DO UPDATE SET
    institution = excluded.institution, attentions = excluded.attentions,
    imported_at_utc = excluded.imported_at_utc, imported_by = excluded.imported_by;
