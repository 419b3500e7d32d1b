-- Comités de Trato Digno (issue 21): one central committee per institution, one per OOAD/Red, one per UMAE, generated
-- from the catalogue; their members are users with a part in the committee; the ladder's levels 2 and 3 alert their address.
CREATE TABLE dbo.committees (
    code        VARCHAR(80)   NOT NULL CONSTRAINT pk_committees PRIMARY KEY,
    institution VARCHAR(32)   NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    region_code VARCHAR(64)   NULL,
    unit_code   VARCHAR(64)   NULL,
    name        NVARCHAR(300) NOT NULL,
    email       NVARCHAR(320) NULL
);

CREATE TABLE dbo.committee_members (
    committee_code VARCHAR(80)      NOT NULL CONSTRAINT fk_committee_members_committee REFERENCES dbo.committees (code),
    user_id        UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_committee_members_user REFERENCES dbo.users (id),
    committee_role VARCHAR(24)      NOT NULL,
    CONSTRAINT pk_committee_members PRIMARY KEY (committee_code, user_id)
);
