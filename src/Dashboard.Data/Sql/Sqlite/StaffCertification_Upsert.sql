-- A person's Buen Trato certification (@CertifiedOn, @ExpiresOn as yyyy-MM-dd); the same day's again replaces its expiry.
INSERT INTO staff_certifications (institution, staff_number, certified_on, expires_on)
SELECT u.institution, @StaffNumber, @CertifiedOn, @ExpiresOn FROM units u WHERE u.code = @UnitCode
ON CONFLICT (institution, staff_number, certified_on) DO UPDATE SET expires_on = excluded.expires_on;
