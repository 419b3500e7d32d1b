SELECT
    -- #include AlertFollowUpColumns
FROM alert_follow_ups f
WHERE f.id = @Id;
