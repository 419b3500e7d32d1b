-- The period's totals from the daily counters: of the cases opened in it, how many are still open (complex, at risk,
-- overdue, per escalation level), and their first-response waits per bucket (w00 … w17, see CaseDayCounts).
SELECT COALESCE(SUM(d.open_cases), 0) AS OpenCases,
    COALESCE(SUM(CASE WHEN d.is_complex = 1 THEN d.open_cases ELSE 0 END), 0) AS OpenComplex,
    COALESCE(SUM(d.at_risk), 0) AS AtRisk, COALESCE(SUM(d.overdue), 0) AS Overdue,
    COALESCE(SUM(d.level1), 0) AS Level1, COALESCE(SUM(d.level2), 0) AS Level2, COALESCE(SUM(d.level3), 0) AS Level3,
    COALESCE(SUM(d.w00), 0) AS W00, COALESCE(SUM(d.w01), 0) AS W01, COALESCE(SUM(d.w02), 0) AS W02,
    COALESCE(SUM(d.w03), 0) AS W03, COALESCE(SUM(d.w04), 0) AS W04, COALESCE(SUM(d.w05), 0) AS W05,
    COALESCE(SUM(d.w06), 0) AS W06, COALESCE(SUM(d.w07), 0) AS W07, COALESCE(SUM(d.w08), 0) AS W08,
    COALESCE(SUM(d.w09), 0) AS W09, COALESCE(SUM(d.w10), 0) AS W10, COALESCE(SUM(d.w11), 0) AS W11,
    COALESCE(SUM(d.w12), 0) AS W12, COALESCE(SUM(d.w13), 0) AS W13, COALESCE(SUM(d.w14), 0) AS W14,
    COALESCE(SUM(d.w15), 0) AS W15, COALESCE(SUM(d.w16), 0) AS W16, COALESCE(SUM(d.w17), 0) AS W17
-- #include CaseDays
;
