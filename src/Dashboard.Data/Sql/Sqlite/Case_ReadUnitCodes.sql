-- Every unit that has cases (the daily counters' recount goes unit by unit).
SELECT DISTINCT unit_code FROM cases;
