-- Attention volumes (issue 22.2): how many attentions a unit gave in a month, the denominator of complaints per 10,000
-- attentions. One row per unit and month (month = its first day); a month imported again replaces it.
CREATE TABLE dbo.attention_volumes (
    institution     VARCHAR(16)   NOT NULL,
    unit_code       VARCHAR(64)   NOT NULL CONSTRAINT fk_attention_volumes_unit REFERENCES dbo.units (code),
    month           DATE          NOT NULL,
    attentions      INT           NOT NULL CONSTRAINT ck_attention_volumes_attentions CHECK (attentions >= 0),
    imported_at_utc DATETIME2(7)  NOT NULL,
    imported_by     NVARCHAR(200) NOT NULL,
    CONSTRAINT pk_attention_volumes PRIMARY KEY (unit_code, month)
);
CREATE INDEX ix_attention_volumes_month ON dbo.attention_volumes (month);
