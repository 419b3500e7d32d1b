-- The summary's counters in the order it groups them (issue 24): GROUP BY status, complexity, escalation level and SLA
-- state sorted all 22,811 unit counters of 10 M cases; in this order a stream aggregate sums them as they come. The
-- region is kept for an institution's scope and the count for the sum, so the read touches no table row.
CREATE INDEX ix_case_counts_summary ON dbo.case_counts (status, is_complex, escalation_level, sla_state, region_code) INCLUDE (cases);
GO
