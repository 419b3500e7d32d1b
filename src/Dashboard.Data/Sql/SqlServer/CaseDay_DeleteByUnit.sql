-- One unit's daily counters ('' the institutions'), cleared by their recount before it writes them again.
DELETE FROM dbo.case_days WHERE unit_code = @UnitCode;
