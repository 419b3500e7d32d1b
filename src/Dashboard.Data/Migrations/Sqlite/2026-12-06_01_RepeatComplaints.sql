-- Repeat complaints (issue 20): when the latest earlier complaint against the same staff role at the same unit was
-- opened, fixed when the case opens, for the escalation rules that watch repeats.
ALTER TABLE cases ADD COLUMN previous_complaint_utc TEXT NULL;
