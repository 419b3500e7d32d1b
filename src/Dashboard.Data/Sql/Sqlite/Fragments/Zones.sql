-- The zones CTE: each unit clock's offset from UTC (@ZoneOffsets: [{zone, minutes}, …]), for the day of an instant there.
WITH zones AS MATERIALIZED (
    SELECT json_extract(value, '$.zone') AS time_zone, json_extract(value, '$.minutes') || ' minutes' AS shift
    FROM json_each(@ZoneOffsets)
)
