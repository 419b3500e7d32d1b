SELECT
    -- #include AlertColumns
FROM dbo.alerts a
WHERE a.id = @Id;
