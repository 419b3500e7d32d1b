-- Complaints opened per unit, day of the unit's clock and staff role ('' when the complaint names none), and how many
-- of them are of mistreatment (issue 24): the region's and the unit's "quejas por personal" read every complaint of
-- the period from the case rows, 127–141 ms for an OOAD's 30 days at 10 M cases, and that twice per page load with
-- twenty directors at once. Staff role is set at opening and the category may change, so the appender moves these
-- rows like the daily counters (ComplaintStaffDays). Filled by the host's first start after this migration, as the
-- daily counters were: the day is on each unit's own clock, which only the host knows. No second index by unit: each
-- one costs every commit that opens a complaint, and a unit's read finds its regions in case_weeks instead.
CREATE TABLE complaint_staff_days (
    region_code  TEXT    NOT NULL,
    day          TEXT    NOT NULL,
    unit_code    TEXT    NOT NULL,
    staff_role   TEXT    NOT NULL,
    complaints   INTEGER NOT NULL DEFAULT 0,
    mistreatment INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (region_code, day, unit_code, staff_role)
) WITHOUT ROWID;
