-- Opened from/to (inclusive days on each case's unit clock); the @…Utc bounds only narrow the range an index has to read.
AND c.opened_at_utc >= @OpenedFromUtc AND CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.opened_at_utc), 23) >= @OpenedFrom -- when @OpenedFrom
AND c.opened_at_utc < @OpenedToUtc AND CONVERT(CHAR(10), DATEADD(MINUTE, COALESCE(z.minutes, 0), c.opened_at_utc), 23) <= @OpenedTo -- when @OpenedTo
