-- The overview's and the complaint indicators' daily counters (issue 24: at 10 M cases the overview counted every case
-- of its period, 12 s for 30 days and 93 s for a year). Per day on the unit's clock and the dimensions the overview
-- filters by (kind, category, complexity): cases opened, still open (at risk, overdue, per escalation level), resolved,
-- breached, and the first-response waits of the cases opened that day in buckets (w00 … w17, see CaseDayCounts).
-- Each count is kept per unit, for a region's or a unit's reads, and again per institution in the rows whose
-- unit_code is '' (national reads sum a few dozen rows a day instead of one per unit). The case-event appender moves
-- them in the transaction that changes the case rows, like case_counts. They start empty: the host fills them from the
-- case rows at its first start after this migration (it needs each unit's time zone, which SQL does not know), and
-- rebuild-counts recounts them.
CREATE TABLE dbo.case_days (
    unit_code        VARCHAR(64) NOT NULL,
    day              CHAR(10)    NOT NULL,
    institution      VARCHAR(16) NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    category         VARCHAR(64) NOT NULL,
    is_complex       BIT         NOT NULL,
    region_code      VARCHAR(64) NOT NULL,
    opened           INT         NOT NULL DEFAULT 0,
    open_cases       INT         NOT NULL DEFAULT 0,
    at_risk          INT         NOT NULL DEFAULT 0,
    overdue          INT         NOT NULL DEFAULT 0,
    level1           INT         NOT NULL DEFAULT 0,
    level2           INT         NOT NULL DEFAULT 0,
    level3           INT         NOT NULL DEFAULT 0,
    resolved         INT         NOT NULL DEFAULT 0,
    breached         INT         NOT NULL DEFAULT 0,
    w00              INT         NOT NULL DEFAULT 0,
    w01              INT         NOT NULL DEFAULT 0,
    w02              INT         NOT NULL DEFAULT 0,
    w03              INT         NOT NULL DEFAULT 0,
    w04              INT         NOT NULL DEFAULT 0,
    w05              INT         NOT NULL DEFAULT 0,
    w06              INT         NOT NULL DEFAULT 0,
    w07              INT         NOT NULL DEFAULT 0,
    w08              INT         NOT NULL DEFAULT 0,
    w09              INT         NOT NULL DEFAULT 0,
    w10              INT         NOT NULL DEFAULT 0,
    w11              INT         NOT NULL DEFAULT 0,
    w12              INT         NOT NULL DEFAULT 0,
    w13              INT         NOT NULL DEFAULT 0,
    w14              INT         NOT NULL DEFAULT 0,
    w15              INT         NOT NULL DEFAULT 0,
    w16              INT         NOT NULL DEFAULT 0,
    w17              INT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_case_days PRIMARY KEY (unit_code, day, institution, kind, category, is_complex)
);
GO

CREATE INDEX ix_case_days_region ON dbo.case_days (region_code, day);
GO
