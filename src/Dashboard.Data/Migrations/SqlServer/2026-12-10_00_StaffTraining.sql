-- Staff, Buen Trato certification and training (issue 22.3). A person is known by the staff number their institution
-- gives them (institution + staff_number); their unit places them in a scope like a case (region and institution come
-- from units). staff_role is a staff role of the institution's classification, or 'attention-technician' (a técnica,
-- agent_id naming her in the catalogue when she is there). A certification expires on expires_on (valid through that
-- day); the latest one counts. Sessions are numbered 1..N of the institution's course (its profile says N).
CREATE TABLE dbo.staff (
    institution   VARCHAR(32)   NOT NULL,
    staff_number  VARCHAR(32)   NOT NULL,
    unit_code     VARCHAR(64)   NOT NULL CONSTRAINT fk_staff_unit REFERENCES dbo.units (code),
    name          NVARCHAR(200) NOT NULL,
    staff_role    VARCHAR(64)   NOT NULL,
    agent_id      VARCHAR(64)   NULL,
    CONSTRAINT pk_staff PRIMARY KEY (institution, staff_number)
);
CREATE INDEX ix_staff_unit ON dbo.staff (unit_code);

CREATE TABLE dbo.staff_certifications (
    institution   VARCHAR(32) NOT NULL,
    staff_number  VARCHAR(32) NOT NULL,
    certified_on  DATE        NOT NULL,
    expires_on    DATE        NOT NULL,
    CONSTRAINT pk_staff_certifications PRIMARY KEY (institution, staff_number, certified_on),
    CONSTRAINT fk_staff_certifications_staff FOREIGN KEY (institution, staff_number) REFERENCES dbo.staff (institution, staff_number),
    CONSTRAINT ck_staff_certifications_expiry CHECK (expires_on > certified_on)
);

CREATE TABLE dbo.staff_training (
    institution     VARCHAR(32) NOT NULL,
    staff_number    VARCHAR(32) NOT NULL,
    session_number  INT         NOT NULL CONSTRAINT ck_staff_training_session CHECK (session_number > 0),
    CONSTRAINT pk_staff_training PRIMARY KEY (institution, staff_number, session_number),
    CONSTRAINT fk_staff_training_staff FOREIGN KEY (institution, staff_number) REFERENCES dbo.staff (institution, staff_number)
);
