UPDATE cases SET insured_id = NULL, impact_reason = CASE WHEN impact_reason IS NULL THEN NULL ELSE @Erased END, personal_data_purged_utc = @Now
WHERE case_id = @CaseId AND is_open = 0;
