-- Attention volumes (issue 22.2): how many attentions a unit gave in a month, the denominator of complaints per 10,000
-- attentions. One row per unit and month (month = its first day, yyyy-MM-dd); a month imported again replaces it.
CREATE TABLE attention_volumes (
    institution     TEXT    NOT NULL,
    unit_code       TEXT    NOT NULL REFERENCES units (code),
    month           TEXT    NOT NULL,
    attentions      INTEGER NOT NULL CHECK (attentions >= 0),
    imported_at_utc TEXT    NOT NULL,
    imported_by     TEXT    NOT NULL,
    PRIMARY KEY (unit_code, month)
);
CREATE INDEX ix_attention_volumes_month ON attention_volumes (month);
