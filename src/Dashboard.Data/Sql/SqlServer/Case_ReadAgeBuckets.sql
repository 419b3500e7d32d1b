-- The open cases among Case_ReadPage's matches by whole days since opening (24-hour periods before @Now, passed
-- in as the instants 3, 8 and 16 days earlier): 0–2, 3–7, 8–15 and more than 15 days.
-- #include Zones
SELECT
    COALESCE(SUM(CASE WHEN c.opened_at_utc > @Days3Ago THEN 1 ELSE 0 END), 0) AS Days0To2,
    COALESCE(SUM(CASE WHEN c.opened_at_utc <= @Days3Ago AND c.opened_at_utc > @Days8Ago THEN 1 ELSE 0 END), 0) AS Days3To7,
    COALESCE(SUM(CASE WHEN c.opened_at_utc <= @Days8Ago AND c.opened_at_utc > @Days16Ago THEN 1 ELSE 0 END), 0) AS Days8To15,
    COALESCE(SUM(CASE WHEN c.opened_at_utc <= @Days16Ago THEN 1 ELSE 0 END), 0) AS Over15
-- #include FilteredCases
    -- #include OpenedDaysFilter
    -- #include StateFilters
    AND c.is_open = 1
    -- Every region listed, so even a national list seeks each region's open cases in ix_cases_region_open instead of
    -- reading every case (at 10 M: 0.8–1.5 s instead of 3.4–5.9 s; an index of open cases by opening would make it 0.1 s,
    -- but any index every new case enters cost ingestion 15–20 %).
    AND c.region_code IN (SELECT code FROM dbo.regions)
OPTION (RECOMPILE);
