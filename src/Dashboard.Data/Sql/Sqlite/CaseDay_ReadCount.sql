-- How many daily counters there are (what a recount reports).
SELECT COUNT(*) FROM case_days;
