-- Opened from/to (inclusive days on each case's unit clock); the @…Utc bounds only narrow the range an index has to read.
AND c.opened_at_utc >= @OpenedFromUtc AND date(c.opened_at_utc, COALESCE(z.shift, '0 minutes')) >= @OpenedFrom -- when @OpenedFrom
AND c.opened_at_utc < @OpenedToUtc AND date(c.opened_at_utc, COALESCE(z.shift, '0 minutes')) <= @OpenedTo -- when @OpenedTo
