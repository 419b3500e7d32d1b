-- Staff, Buen Trato certification and training (issue 22.3). A person is known by the staff number their institution
-- gives them (institution + staff_number); their unit places them in a scope like a case (region and institution come
-- from units). staff_role is a staff role of the institution's classification, or 'attention-technician' (a técnica,
-- agent_id naming her in the catalogue when she is there). A certification expires on expires_on (valid through that
-- day); the latest one counts. Sessions are numbered 1..N of the institution's course (its profile says N).
CREATE TABLE staff (
    institution   TEXT NOT NULL,
    staff_number  TEXT NOT NULL,
    unit_code     TEXT NOT NULL REFERENCES units (code),
    name          TEXT NOT NULL,
    staff_role    TEXT NOT NULL,
    agent_id      TEXT NULL,
    PRIMARY KEY (institution, staff_number)
);
CREATE INDEX ix_staff_unit ON staff (unit_code);

CREATE TABLE staff_certifications (
    institution   TEXT NOT NULL,
    staff_number  TEXT NOT NULL,
    certified_on  TEXT NOT NULL,   -- yyyy-MM-dd
    expires_on    TEXT NOT NULL,   -- yyyy-MM-dd, valid through that day
    PRIMARY KEY (institution, staff_number, certified_on),
    FOREIGN KEY (institution, staff_number) REFERENCES staff (institution, staff_number),
    CHECK (expires_on > certified_on)
);

CREATE TABLE staff_training (
    institution     TEXT    NOT NULL,
    staff_number    TEXT    NOT NULL,
    session_number  INTEGER NOT NULL CHECK (session_number > 0),
    PRIMARY KEY (institution, staff_number, session_number),
    FOREIGN KEY (institution, staff_number) REFERENCES staff (institution, staff_number)
);
