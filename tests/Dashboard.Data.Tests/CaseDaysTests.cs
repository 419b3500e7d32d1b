using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Indicators;
using Dashboard.Core.Reads;
using Dashboard.Core.Sla;
using Dashboard.Core.Storage;
using Dashboard.Data.Reads;
using Dashboard.Data.Stores;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>
/// The overview's daily counters (case_days, kept by the appender beside the case rows) always equal a recount of the
/// cases, whatever the events did: openings near midnight on different clocks, first responses, reclassification of
/// category and complexity, escalations, SLA warnings and breaches from the sweep, resolutions, closings, reopenings and
/// late events that rewrite a case's history; so do the monthly and weekly counters, across the turn of a month and of
/// an ISO week (Sunday 29 November to Monday 30) that falls on a different day on each clock. And every overview and complaint read answered from them equals the same read counted
/// case by case, for every scope and filter the counters keep.
/// </summary>
public sealed class CaseDaysTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Units = ["UMF-JAL-023", "HGR-JAL-046", "UMF-NL-015", "HN-REB-001"];
    private static readonly string[] Categories = ["waiting-time", "mistreatment", "medicines"];
    private static readonly string?[] StaffRoles = ["nursing", "pharmacy", null, "medical-assistant", "nursing"];
    private static readonly DateOnly From = new(2026, 11, 29);
    private static readonly DateOnly To = new(2026, 12, 3);
    private static readonly DayZones Zones = DayZones.At(Catalogue.Units.Select(u => u.TimeZone), Now);

    /// <summary>A recount that writes out what it summed every 7 keys, as it does every 200,000 at scale.</summary>
    private static CaseDaysRebuild Rebuild(TestDatabase db) => new(db.Connections, db.Sql, code => Fixtures.Index.FindUnit(code)?.TimeZone) { FlushAfterKeys = 7 };

    /// <summary>Three days of cases on four units and two institutions from the last evening of November, moved by a random stream and two SLA sweeps.</summary>
    private static async Task SeedAsync(TestDatabase db, int seed)
    {
        var random = new Random(seed);
        // 04:30–07:30 UTC is the evening before in Guadalajara and Lima: the cases fall on different days per clock, and
        // the first ones in November there but in December in UTC.
        var start = new DateTimeOffset(2026, 11, 30, 4, 30, 0, TimeSpan.Zero);
        var cases = Enumerable.Range(1, 60).Select(i => $"QJ-DAY-{i:D3}").ToArray();
        var opened = cases.Select((id, i) => new CaseEvent(Guid.NewGuid(), id, start.AddMinutes(i * 71), new CaseOpenedData(
            Units[i % Units.Length], i % 3 == 0 ? CaseKind.Request : CaseKind.Complaint, Channel.Module, Categories[random.Next(Categories.Length)],
            i % 4 == 0 ? Priority.Critical : Priority.Medium, random.Next(3) == 0, "Espera de más de tres horas.", null, StaffRole: StaffRoles[i % StaffRoles.Length]))).ToArray();
        foreach (var e in opened)
        {
            await db.Events.AppendAsync([e], e.OccurredAt, Context, Ct);
        }

        var clock = start.AddMinutes(60 * 71);
        for (var round = 0; round < 10; round++)
        {
            clock = clock.AddMinutes(45);
            if (round is 3 or 7)
            {
                // The SLA sweep breaches and warns what came due, as the job does.
                var now = clock;
                await db.Events.AppendDueAsync(now, 1000, c => SlaSweep.DueEvents(c, now, Context).Select(e => EncodedEvent.Of(e, CaseActor.SlaSweep)).ToArray(), now, Context, Ct);
            }

            foreach (var id in cases.Where(_ => random.Next(2) == 0))
            {
                // Every fifth event arrives late: it happened before what the case already has.
                var at = random.Next(5) == 0 ? clock.AddHours(-random.Next(2, 30)) : clock;
                var data = random.Next(9) switch
                {
                    0 or 1 => new CaseAssignedData("TAO-104233"),
                    2 => new CaseReclassifiedData(Categories[random.Next(Categories.Length)], null, random.Next(2) == 0),
                    3 => new CaseEscalatedData(random.Next(1, 4), "Vencido."),
                    4 => new CaseResolvedData("attended", "Se atendió."),
                    5 => new CaseClosedData(null),
                    6 => new CaseReopenedData("Volvió a quejarse."),
                    7 => new NoteAddedData("Se llamó al derechohabiente."),
                    _ => (CaseEventData)new CaseReclassifiedData(null, Priority.High, null),
                };
                // One at a time: an event the rules refuse leaves the counters alone.
                await db.Events.AppendAsync([new CaseEvent(Guid.NewGuid(), id, at, data)], clock, Context, Ct);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Counters_AfterRandomEventStreams_EqualARecountOfTheCases(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db, 2412);

        var (counters, corrected) = await Rebuild(db).RunAsync(Ct);

        Assert.True(counters > 20, $"{counters} counters");
        Assert.Equal(0, corrected);
        var table = provider == DatabaseProvider.Sqlite ? "" : "dbo.";
        await using var connection = await db.Connections.OpenAsync(Ct);
        var sums = await connection.QuerySingleAsync<(long Opened, long Resolved, long Breached)>(
            $"SELECT CAST(SUM(opened) AS BIGINT), CAST(SUM(resolved) AS BIGINT), CAST(SUM(breached) AS BIGINT) FROM {table}case_days WHERE unit_code = ''");
        Assert.Equal(60, sums.Opened);
        Assert.True(sums.Resolved > 0 && sums.Breached > 0, $"the stream resolved ({sums.Resolved}) and breached ({sums.Breached}) cases");
        var months = (await connection.QueryAsync<(string Month, long Opened)>(
            $"SELECT month, CAST(SUM(opened) AS BIGINT) FROM {table}case_months GROUP BY month ORDER BY month")).ToArray();
        Assert.Equal(["2026-11", "2026-12"], months.Select(m => m.Month));
        Assert.Equal(60, months.Sum(m => m.Opened));
        var weeks = (await connection.QueryAsync<(string Week, long Opened)>(
            $"SELECT week, CAST(SUM(opened) AS BIGINT) FROM {table}case_weeks GROUP BY week ORDER BY week")).ToArray();
        Assert.Equal(["2026-11-23", "2026-11-30"], weeks.Select(w => w.Week));
        Assert.Equal(60, weeks.Sum(w => w.Opened));
        var staffRoles = (await connection.QueryAsync<(string StaffRole, long Complaints)>(
            $"SELECT staff_role, CAST(SUM(complaints) AS BIGINT) FROM {table}complaint_staff_days GROUP BY staff_role ORDER BY staff_role")).ToArray();
        Assert.Equal(["", "medical-assistant", "nursing", "pharmacy"], staffRoles.Select(r => r.StaffRole));
        Assert.Equal(40, staffRoles.Sum(r => r.Complaints));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reads_FromTheCounters_EqualTheSameReadsCountedCaseByCase(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db, 1124);
        var counted = new OverviewReader(db.Connections, db.Sql) { CountCases = true };
        var fromCounters = new OverviewReader(db.Connections, db.Sql);
        var complaintsCounted = new ComplaintReader(db.Connections, db.Sql) { CountCases = true };
        var complaintsFromCounters = new ComplaintReader(db.Connections, db.Sql);
        var staffCounted = new StaffRoleReader(db.Connections, db.Sql) { CountCases = true };
        var staffFromCounters = new StaffRoleReader(db.Connections, db.Sql);
        var now = new DateTimeOffset(2026, 12, 3, 3, 0, 0, TimeSpan.Zero);

        ReadScope[] scopes = [ReadScope.All, ReadScope.ForInstitution("Imss"), ReadScope.ForRegion("IMSS-JAL"), ReadScope.ForUnit("HN-REB-001")];
        CaseFilter[] filters =
        [
            new(), new() { Kind = CaseKind.Complaint }, new() { Category = "mistreatment" }, new() { Complex = true }, new() { Complex = false, Kind = CaseKind.Request },
            new() { RegionCode = "IMSS-JAL" }, new() { UnitCode = "UMF-NL-015" }, new() { RegionCode = "ESS-REB", Category = "waiting-time" },
        ];
        foreach (var scope in scopes)
        {
            // The big numbers "now" have no period: every day of the counters.
            foreach (var filter in filters)
            {
                Assert.Equal(await counted.ReadOverviewAsync(filter, scope, Zones, now, Ct), await fromCounters.ReadOverviewAsync(filter, scope, Zones, now, Ct));
            }

            foreach (var filter in filters.Select(f => f with { OpenedFrom = From, OpenedTo = To }).Append(new CaseFilter { OpenedFrom = To, OpenedTo = To }))
            {
                var because = $"{scope} {filter}";
                var expected = await counted.ReadTrendsAsync(filter, scope, Zones, Ct);
                var actual = await fromCounters.ReadTrendsAsync(filter, scope, Zones, Ct);
                Assert.True(expected.Days.SequenceEqual(actual.Days), because);
                Assert.True(expected.Categories.SequenceEqual(actual.Categories), because);
                Assert.Null(expected.MedianFirstResponseRange);
                if (expected.MedianFirstResponse is { } median)
                {
                    // The counters keep each wait as a bucket: the exact median lies in the range they give.
                    var range = actual.MedianFirstResponseRange;
                    Assert.True(range is not null && range.From <= median && (range.Before is null || median < range.Before), $"{because}: {median} in {range}");
                }
                else
                {
                    Assert.Null(actual.MedianFirstResponse);
                }

                Assert.Equal(await counted.ReadOverviewAsync(filter, scope, Zones, now, Ct), await fromCounters.ReadOverviewAsync(filter, scope, Zones, now, Ct));
                Assert.Equal(await complaintsCounted.ReadPerDayAsync(filter, scope, Zones, Ct), await complaintsFromCounters.ReadPerDayAsync(filter, scope, Zones, Ct));
                Assert.Equal(await complaintsCounted.ReadPerUnitDayAsync(filter, scope, Zones, Ct), await complaintsFromCounters.ReadPerUnitDayAsync(filter, scope, Zones, Ct));
            }

            // A region's units: their numbers from the counters equal each unit's numbers counted case by case.
            foreach (var region in new[] { "IMSS-JAL", "ESS-REB" })
            {
                foreach (var unit in await new RegionReader(db.Connections, db.Sql).ReadUnitCountsAsync(region, scope, Zones, now, Ct))
                {
                    var expected = await counted.ReadOverviewAsync(new CaseFilter { UnitCode = unit.UnitCode }, scope, Zones, now, Ct);
                    Assert.Equal((expected.OpenCases, expected.OpenComplex, expected.AtRisk, expected.Overdue, expected.BreachedToday),
                        (unit.OpenCases, unit.OpenComplex, unit.AtRisk, unit.Overdue, unit.BreachedToday));
                }
            }

            // Per unit and month, from the monthly counters (complexity is not kept there: the days answer it).
            foreach (var filter in filters.Select(f => f with { OpenedFrom = new DateOnly(2026, 10, 1), OpenedTo = new DateOnly(2026, 12, 31) })
                .Append(new CaseFilter { OpenedFrom = new DateOnly(2026, 12, 1), OpenedTo = new DateOnly(2026, 12, 31) }))
            {
                var expected = (await complaintsCounted.ReadPerUnitMonthAsync(filter, scope, Zones, Ct)).OrderBy(m => m.UnitCode, StringComparer.Ordinal).ThenBy(m => m.Day);
                var actual = (await complaintsFromCounters.ReadPerUnitMonthAsync(filter, scope, Zones, Ct)).OrderBy(m => m.UnitCode, StringComparer.Ordinal).ThenBy(m => m.Day);
                Assert.True(expected.SequenceEqual(actual), $"{scope} {filter}: {string.Join(", ", expected)} ≠ {string.Join(", ", actual)}");
            }

            // Per unit and ISO week, from the weekly counters: the two weeks the Sunday evening splits, and the second alone.
            foreach (var filter in filters.Select(f => f with { OpenedFrom = new DateOnly(2026, 11, 23), OpenedTo = new DateOnly(2026, 12, 6) })
                .Append(new CaseFilter { OpenedFrom = new DateOnly(2026, 11, 30), OpenedTo = new DateOnly(2026, 12, 6) }))
            {
                var expected = (await complaintsCounted.ReadPerUnitWeekAsync(filter, scope, Zones, Ct)).OrderBy(w => w.UnitCode, StringComparer.Ordinal).ThenBy(w => w.Day).ToArray();
                var actual = (await complaintsFromCounters.ReadPerUnitWeekAsync(filter, scope, Zones, Ct)).OrderBy(w => w.UnitCode, StringComparer.Ordinal).ThenBy(w => w.Day).ToArray();
                Assert.True(expected.SequenceEqual(actual), $"{scope} {filter}: {string.Join(", ", expected)} ≠ {string.Join(", ", actual)}");
                Assert.All(actual, w => Assert.Equal(DayOfWeek.Monday, w.Day.DayOfWeek));
                // The whole scope's weeks (a region's or a unit's summed from the weekly counters).
                Assert.Equal(await complaintsCounted.ReadPerPeriodAsync(Period.Week, filter, scope, Zones, Ct),
                    await complaintsFromCounters.ReadPerPeriodAsync(Period.Week, filter, scope, Zones, Ct));
            }

            // Complaints per staff role, in all and per day, from the staff roles' counters.
            foreach (var filter in filters.Where(f => f.Category is null && f.Complex is null)
                .SelectMany(f => new[] { f, f with { StaffRole = "nursing" } })
                .Select(f => f with { Kind = CaseKind.Complaint, OpenedFrom = From, OpenedTo = To })
                .Append(new CaseFilter { Kind = CaseKind.Complaint, OpenedFrom = To, OpenedTo = To }))
            {
                var because = $"{scope} {filter}";
                Assert.True((await staffCounted.ReadCountsByStaffRoleAsync(filter, scope, Zones, Ct)).SequenceEqual(await staffFromCounters.ReadCountsByStaffRoleAsync(filter, scope, Zones, Ct)), because);
                Assert.True((await staffCounted.ReadComplaintsPerStaffRoleDayAsync(filter, scope, Zones, Ct)).SequenceEqual(await staffFromCounters.ReadComplaintsPerStaffRoleDayAsync(filter, scope, Zones, Ct)), because);
            }

            foreach (var period in new[] { Period.Month, Period.Quarter })
            {
                foreach (var filter in filters.Select(f => f with { OpenedFrom = new DateOnly(2026, 10, 1), OpenedTo = new DateOnly(2026, 12, 31) }))
                {
                    Assert.Equal(await complaintsCounted.ReadPerPeriodAsync(period, filter, scope, Zones, Ct),
                        await complaintsFromCounters.ReadPerPeriodAsync(period, filter, scope, Zones, Ct));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rebuild_FillsEmptyCountersOnce_AndCorrectsADriftedOne(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db, 77);
        var reader = new OverviewReader(db.Connections, db.Sql);
        var filter = new CaseFilter { OpenedFrom = From, OpenedTo = To };
        var truth = await reader.ReadTrendsAsync(filter, ReadScope.ForRegion("IMSS-JAL"), Zones, Ct);
        var table = provider == DatabaseProvider.Sqlite ? "" : "dbo.";
        await using (var connection = await db.Connections.OpenAsync(Ct))
        {
            await connection.ExecuteAsync($"DELETE FROM {table}case_days");
            await connection.ExecuteAsync($"DELETE FROM {table}case_months");
            await connection.ExecuteAsync($"DELETE FROM {table}case_weeks");
        }

        var staffFilter = new CaseFilter { Kind = CaseKind.Complaint, OpenedFrom = From, OpenedTo = To };
        var staffRoles = new StaffRoleReader(db.Connections, db.Sql);
        var staffTruth = await new StaffRoleReader(db.Connections, db.Sql) { CountCases = true }.ReadCountsByStaffRoleAsync(staffFilter, ReadScope.All, Zones, Ct);

        var filled = await Rebuild(db).FillIfNeededAsync(Ct);
        var again = await Rebuild(db).FillIfNeededAsync(Ct);

        Assert.NotNull(filled);
        Assert.Null(again);
        Assert.Equal(truth.Days, (await reader.ReadTrendsAsync(filter, ReadScope.ForRegion("IMSS-JAL"), Zones, Ct)).Days);
        Assert.Equal(staffTruth, await staffRoles.ReadCountsByStaffRoleAsync(staffFilter, ReadScope.All, Zones, Ct));

        // The staff roles' counters alone missing (the first start after their migration) are filled too.
        await using (var connection = await db.Connections.OpenAsync(Ct))
        {
            await connection.ExecuteAsync($"DELETE FROM {table}complaint_staff_days");
        }

        Assert.NotNull(await Rebuild(db).FillIfNeededAsync(Ct));
        Assert.Equal(staffTruth, await staffRoles.ReadCountsByStaffRoleAsync(staffFilter, ReadScope.All, Zones, Ct));

        await using (var connection = await db.Connections.OpenAsync(Ct))
        {
            await connection.ExecuteAsync($"UPDATE {table}case_days SET opened = opened + 5 WHERE region_code = 'IMSS-JAL'");
            await connection.ExecuteAsync($"UPDATE {table}case_months SET opened = opened + 5 WHERE region_code = 'ESS-REB'");
            await connection.ExecuteAsync($"UPDATE {table}case_weeks SET opened = opened + 3 WHERE region_code = 'ESS-REB'");
            await connection.ExecuteAsync($"UPDATE {table}complaint_staff_days SET complaints = complaints + 2 WHERE region_code = 'IMSS-JAL'");
        }

        var (_, corrected) = await Rebuild(db).RunAsync(Ct);

        Assert.True(corrected > 0);
        Assert.Equal(staffTruth, await staffRoles.ReadCountsByStaffRoleAsync(staffFilter, ReadScope.All, Zones, Ct));
        Assert.Equal(truth.Days, (await reader.ReadTrendsAsync(filter, ReadScope.ForRegion("IMSS-JAL"), Zones, Ct)).Days);
        var months = new CaseFilter { OpenedFrom = new DateOnly(2026, 11, 1), OpenedTo = new DateOnly(2026, 12, 31) };
        var complaints = new ComplaintReader(db.Connections, db.Sql);
        Assert.Equal(
            (await new ComplaintReader(db.Connections, db.Sql) { CountCases = true }.ReadPerUnitMonthAsync(months, ReadScope.ForRegion("ESS-REB"), Zones, Ct)).Sum(m => m.Complaints),
            (await complaints.ReadPerUnitMonthAsync(months, ReadScope.ForRegion("ESS-REB"), Zones, Ct)).Sum(m => m.Complaints));
        var weeks = new CaseFilter { OpenedFrom = new DateOnly(2026, 11, 23), OpenedTo = new DateOnly(2026, 12, 6) };
        Assert.Equal(
            (await new ComplaintReader(db.Connections, db.Sql) { CountCases = true }.ReadPerUnitWeekAsync(weeks, ReadScope.ForRegion("ESS-REB"), Zones, Ct)).Sum(w => w.Complaints),
            (await complaints.ReadPerUnitWeekAsync(weeks, ReadScope.ForRegion("ESS-REB"), Zones, Ct)).Sum(w => w.Complaints));
    }

    [Fact]
    public async Task MonthlyRead_RefusesAPeriodThatCutsAMonth()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var complaints = new ComplaintReader(db.Connections, db.Sql);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            complaints.ReadPerUnitMonthAsync(new CaseFilter { OpenedFrom = new DateOnly(2026, 11, 1), OpenedTo = new DateOnly(2026, 11, 29) }, ReadScope.All, Zones, Ct));

        Assert.Contains("whole months", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeeklyRead_RefusesAPeriodThatCutsAWeek()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var complaints = new ComplaintReader(db.Connections, db.Sql);

        // Sunday 29 November to Saturday 5 December: the end of one week and most of the next.
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            complaints.ReadPerUnitWeekAsync(new CaseFilter { OpenedFrom = new DateOnly(2026, 11, 29), OpenedTo = new DateOnly(2026, 12, 5) }, ReadScope.All, Zones, Ct));

        Assert.Contains("whole weeks", error.Message, StringComparison.Ordinal);
    }
}
