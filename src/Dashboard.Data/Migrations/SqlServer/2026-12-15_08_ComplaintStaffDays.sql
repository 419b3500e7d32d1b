-- Complaints opened per unit, day of the unit's clock and staff role ('' when the complaint names none), and how many
-- of them are of mistreatment (issue 24): the region's and the unit's "quejas por personal" read every complaint of
-- the period from the case rows, 127–141 ms for an OOAD's 30 days at 10 M cases, and that twice per page load with
-- twenty directors at once. Staff role is set at opening and the category may change, so the appender moves these
-- rows like the daily counters (ComplaintStaffDays). Filled by the host's first start after this migration, as the
-- daily counters were: the day is on each unit's own clock, which only the host knows. No second index by unit: each
-- one costs every commit that opens a complaint, and a unit's read finds its regions in case_weeks instead.
CREATE TABLE dbo.complaint_staff_days (
    region_code  VARCHAR(64) NOT NULL,
    day          CHAR(10)    NOT NULL,
    unit_code    VARCHAR(64) NOT NULL,
    staff_role   VARCHAR(64) NOT NULL,
    complaints   INT         NOT NULL DEFAULT 0,
    mistreatment INT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_complaint_staff_days PRIMARY KEY CLUSTERED (region_code, day, unit_code, staff_role)
);
GO
