SELECT
    -- #include AlertFollowUpColumns
FROM dbo.alert_follow_ups f
WHERE f.id = @Id;
