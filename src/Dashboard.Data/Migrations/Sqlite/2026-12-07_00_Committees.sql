-- Comités de Trato Digno (issue 21): one central committee per institution, one per OOAD/Red, one per UMAE, generated
-- from the catalogue; their members are users with a part in the committee; the ladder's levels 2 and 3 alert their address.
CREATE TABLE committees (
    code        TEXT NOT NULL PRIMARY KEY,   -- C-IMSS, R-IMSS-JAL, U-UMAE-JAL-01
    institution TEXT NOT NULL,
    kind        TEXT NOT NULL,               -- Central, Region, Umae
    region_code TEXT NULL,                   -- NULL for a central committee
    unit_code   TEXT NULL,                   -- the UMAE of a UMAE committee
    name        TEXT NOT NULL,
    email       TEXT NULL
);

CREATE TABLE committee_members (
    committee_code TEXT NOT NULL REFERENCES committees (code),
    user_id        TEXT NOT NULL REFERENCES users (id),
    committee_role TEXT NOT NULL,            -- President, TechnicalSecretary, Member
    PRIMARY KEY (committee_code, user_id)
);
