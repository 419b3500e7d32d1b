SELECT
    -- #include AlertColumns
FROM alerts a
WHERE a.id = @Id;
