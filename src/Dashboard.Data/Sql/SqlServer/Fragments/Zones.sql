-- The zones CTE: each unit clock's offset from UTC (@ZoneOffsets: [{zone, minutes}, …]), for the day of an instant there.
WITH zones AS (
    SELECT time_zone, minutes
    FROM OPENJSON(@ZoneOffsets) WITH (time_zone VARCHAR(64) '$.zone', minutes INT '$.minutes')
)
