UPDATE cases SET insured_id = NULL, personal_data_purged_utc = @Now
WHERE case_id = @CaseId AND is_open = 0;
