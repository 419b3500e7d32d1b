-- A unit's attentions in a month, with the unit's institution from the catalogue; a second import of the same unit and
-- month replaces it (a corrected file).
MERGE dbo.attention_volumes WITH (HOLDLOCK) AS target
USING (SELECT u.code AS unit_code, CAST(@Month AS DATE) AS month, u.institution FROM dbo.units u WHERE u.code = @UnitCode) AS source
ON target.unit_code = source.unit_code AND target.month = source.month
WHEN MATCHED THEN UPDATE SET institution = source.institution, attentions = @Attentions, imported_at_utc = @ImportedAt, imported_by = @ImportedBy
WHEN NOT MATCHED THEN INSERT (institution, unit_code, month, attentions, imported_at_utc, imported_by)
    VALUES (source.institution, source.unit_code, source.month, @Attentions, @ImportedAt, @ImportedBy);
