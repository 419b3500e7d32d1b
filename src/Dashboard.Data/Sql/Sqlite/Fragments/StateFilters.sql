-- The case list's state filters; breached today is the day @Now has on the case's unit clock, read from @BreachedSinceUtc on.
AND c.is_open = @Open -- when @Open
AND c.status = @Status -- when @Status
AND c.sla_state = @SlaState -- when @SlaState
AND c.escalation_level = @EscalationLevel -- when @EscalationLevel
AND ((c.first_response_breached_utc >= @BreachedSinceUtc AND date(c.first_response_breached_utc, COALESCE(z.shift, '0 minutes')) = date(@Now, COALESCE(z.shift, '0 minutes'))) -- when @BreachedToday
    OR (c.resolution_breached_utc >= @BreachedSinceUtc AND date(c.resolution_breached_utc, COALESCE(z.shift, '0 minutes')) = date(@Now, COALESCE(z.shift, '0 minutes')))) -- when @BreachedToday
