-- How many staff roles' counters there are (what a fill reports).
SELECT COUNT(*) FROM complaint_staff_days;
