-- Every unit that has daily counters, '' for the institutions' (a recount also clears those of units without cases).
SELECT DISTINCT unit_code FROM case_days;
