-- A person's Buen Trato certification (@CertifiedOn, @ExpiresOn as yyyy-MM-dd); the same day's again replaces its expiry.
MERGE dbo.staff_certifications WITH (HOLDLOCK) AS target
USING (SELECT u.institution, @StaffNumber AS staff_number, CAST(@CertifiedOn AS DATE) AS certified_on FROM dbo.units u WHERE u.code = @UnitCode) AS source
ON target.institution = source.institution AND target.staff_number = source.staff_number AND target.certified_on = source.certified_on
WHEN MATCHED THEN UPDATE SET expires_on = CAST(@ExpiresOn AS DATE)
WHEN NOT MATCHED THEN INSERT (institution, staff_number, certified_on, expires_on)
    VALUES (source.institution, source.staff_number, source.certified_on, CAST(@ExpiresOn AS DATE));
