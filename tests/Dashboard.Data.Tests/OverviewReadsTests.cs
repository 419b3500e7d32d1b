using Dashboard.Core.Cases;
using Dashboard.Core.Sla;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Data.Reads;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>
/// The directors' reads (overview numbers and trends, a region's units, a unit's filtered and sorted list and its aging),
/// run against every configured provider. Jalisco and Nuevo León keep UTC−6 and Lima UTC−5: 05:30 UTC is still the
/// 23rd in Guadalajara and already the 24th in Lima.
/// </summary>
public sealed class OverviewReadsTests
{
    private static readonly DayZones Zones = DayZones.At(Catalogue.Units.Select(u => u.TimeZone), Now);
    private static readonly DateTimeOffset NearMidnight = new(2026, 11, 24, 5, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Nov22 = new(2026, 11, 22);
    private static readonly DateOnly Nov23 = new(2026, 11, 23);
    private static readonly DateOnly Nov24 = new(2026, 11, 24);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CaseEvent Opened(string caseId, DateTimeOffset at, string unit = "UMF-JAL-023", CaseKind kind = CaseKind.Complaint,
        Channel channel = Channel.Module, string category = "waiting-time", Priority priority = Priority.Medium, bool complex = false) =>
        new(Guid.NewGuid(), caseId, at, new CaseOpenedData(unit, kind, channel, category, priority, complex, "Espera de más de tres horas en urgencias."));

    private static CaseEvent Then(string caseId, DateTimeOffset at, CaseEventData data) => new(Guid.NewGuid(), caseId, at, data);

    private static async Task AppendAsync(TestDatabase db, params CaseEvent[] events)
    {
        var result = await db.Events.AppendAsync(events, Now, Context, Ct);
        Assert.True(result.Outcome == AppendOutcome.Committed, result.Reason);
    }

    /// <summary>A critical case runs 24x7: its first response is due 15 minutes after opening, and warns at 75 %.</summary>
    private static async Task<DateTimeOffset> OpenCriticalAndBreachAsync(TestDatabase db, string caseId, DateTimeOffset at, string unit = "UMF-JAL-023")
    {
        await AppendAsync(db, Opened(caseId, at, unit, priority: Priority.Critical));
        var due = at.AddMinutes(15);
        await AppendAsync(db, Then(caseId, due, new SlaBreachedData(SlaClockKind.FirstResponse, due)));
        return due;
    }

    private static async Task OpenCriticalAtRiskAsync(TestDatabase db, string caseId, DateTimeOffset at, string unit = "UMF-JAL-023")
    {
        await AppendAsync(db, Opened(caseId, at, unit, priority: Priority.Critical));
        var warn = (await db.Cases.ReadByIdAsync(caseId, ReadScope.All, Ct))!.Sla!.FirstResponse!.WarnAt!.Value;
        await AppendAsync(db, Then(caseId, warn, new SlaWarningData(SlaClockKind.FirstResponse, at.AddMinutes(15))));
    }

    private static CaseListQuery List(string? unit = null, int pageSize = 50, CaseFilter? filter = null) =>
        new((filter ?? CaseFilter.None) with { UnitCode = unit }, 1, pageSize) { Days = Zones, Now = Now };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadOverview_CountsOpenCasesOfTheFilterWithinTheScope(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db,
            Opened("QJ-1", Now.AddHours(-5), complex: true),
            Opened("QJ-2", Now.AddHours(-5), unit: "HGR-JAL-046", channel: Channel.CallCenter),
            Opened("QJ-3", Now.AddHours(-5), kind: CaseKind.Request, category: "information"),
            Opened("QJ-4", Now.AddHours(-5), complex: true),
            Opened("QJ-NL", Now.AddHours(-5), unit: "UMF-NL-015", complex: true),
            Opened("QR-REB", Now.AddHours(-5), unit: "HN-REB-001"));
        await AppendAsync(db,
            Then("QJ-1", Now.AddHours(-4), new CaseEscalatedData(2, "Comité regional.")),
            Then("QJ-4", Now.AddHours(-4), new CaseResolvedData("attended", "Se atendió.")),
            Then("QJ-NL", Now.AddHours(-4), new CaseEscalatedData(1, "Dirección.")));
        await OpenCriticalAtRiskAsync(db, "QJ-RISK", Now.AddMinutes(-14));
        await OpenCriticalAndBreachAsync(db, "QJ-LATE", Now.AddHours(-3));

        var all = await db.Cases.ReadOverviewAsync(CaseFilter.None, ReadScope.All, Zones, Now, Ct);
        var jalisco = await db.Cases.ReadOverviewAsync(CaseFilter.None, ReadScope.ForRegion("IMSS-JAL"), Zones, Now, Ct);
        var complaints = await db.Cases.ReadOverviewAsync(new CaseFilter { Kind = CaseKind.Complaint, Channel = Channel.Module }, ReadScope.ForRegion("IMSS-JAL"), Zones, Now, Ct);
        var complex = await db.Cases.ReadOverviewAsync(new CaseFilter { Complex = true }, ReadScope.All, Zones, Now, Ct);
        var outside = await db.Cases.ReadOverviewAsync(new CaseFilter { RegionCode = "IMSS-NL" }, ReadScope.ForRegion("IMSS-JAL"), Zones, Now, Ct);

        Assert.Equal(new OpenCaseCounts(OpenCases: 7, OpenComplex: 2, AtRisk: 1, Overdue: 1, BreachedToday: 1, Level1: 1, Level2: 1, Level3: 0), all);
        Assert.Equal((5, 1, 0), (jalisco.OpenCases, jalisco.OpenComplex, jalisco.Level1));
        Assert.Equal(3, complaints.OpenCases);
        Assert.Equal((2, 2), (complex.OpenCases, complex.OpenComplex));
        Assert.Equal(new OpenCaseCounts(0, 0, 0, 0, 0, 0, 0, 0), outside);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadOverview_BreachedTodayIsTheDayOnEachUnitsClockClosedCasesIncluded(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // Both breach at 05:55 UTC on the 24th: 23:55 of the 23rd in Guadalajara, 00:55 of the 24th in Lima.
        await OpenCriticalAndBreachAsync(db, "QJ-YESTERDAY", NearMidnight.AddMinutes(10));
        await OpenCriticalAndBreachAsync(db, "QR-TODAY", NearMidnight.AddMinutes(10), unit: "HN-REB-001");
        // Breached this morning in Guadalajara, then resolved: it left the open numbers, not today's breaches.
        await OpenCriticalAndBreachAsync(db, "QJ-RESOLVED", Now.AddHours(-2));
        await AppendAsync(db, Then("QJ-RESOLVED", Now.AddHours(-1), new CaseResolvedData("attended", "Se atendió.")));

        var counts = await db.Cases.ReadOverviewAsync(CaseFilter.None, ReadScope.All, Zones, Now, Ct);
        // Counted case by case, any clock can be asked for; the daily counters keep each unit's own (CaseDaysTests).
        var inUtc = await new OverviewReader(db.Connections, db.Sql) { CountCases = true }.ReadOverviewAsync(CaseFilter.None, ReadScope.All, DayZones.Utc, Now, Ct);
        var counted = await new OverviewReader(db.Connections, db.Sql) { CountCases = true }.ReadOverviewAsync(CaseFilter.None, ReadScope.All, Zones, Now, Ct);
        var page = await db.Cases.ReadPageAsync(List() with { BreachedToday = true }, ReadScope.All, Ct);

        Assert.Equal((2, 2, 2), (counts.OpenCases, counts.Overdue, counts.BreachedToday));
        Assert.Equal(3, inUtc.BreachedToday);
        Assert.Equal(counts, counted);
        Assert.Equal(["QJ-RESOLVED", "QR-TODAY"], page.Items.Select(c => c.CaseId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadTrends_BucketsEachCaseOnItsUnitsClockWithEveryDayOfThePeriod(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db,
            Opened("QJ-EARLY", new DateTimeOffset(2026, 11, 22, 18, 0, 0, TimeSpan.Zero)),
            Opened("QJ-NIGHT", NearMidnight),
            Opened("QR-MORNING", NearMidnight, unit: "HN-REB-001", category: "mistreatment"),
            Opened("QJ-BEFORE", new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.Zero)));
        // Resolved at 23:50 of the 23rd in Guadalajara; the case opened before the period still counts as resolved in it.
        await AppendAsync(db,
            Then("QJ-EARLY", NearMidnight.AddMinutes(20), new CaseResolvedData("attended", "Se atendió.")),
            Then("QJ-BEFORE", NearMidnight.AddMinutes(20), new CaseResolvedData("attended", "Se atendió.")));
        await OpenCriticalAndBreachAsync(db, "QJ-LATE", NearMidnight.AddMinutes(10));
        await OpenCriticalAndBreachAsync(db, "QR-LATE", NearMidnight.AddMinutes(10), unit: "HN-REB-001");

        var period = new CaseFilter { OpenedFrom = Nov22, OpenedTo = Nov24 };
        var trends = await db.Cases.ReadTrendsAsync(period, ReadScope.All, Zones, Ct);
        var lima = await db.Cases.ReadTrendsAsync(period with { RegionCode = "ESS-REB" }, ReadScope.All, Zones, Ct);
        var jalisco = await db.Cases.ReadTrendsAsync(period, ReadScope.ForRegion("IMSS-JAL"), Zones, Ct);

        Assert.Equal([
            new DayTrend(Nov22, Opened: 1, Resolved: 0, Breached: 0),
            new DayTrend(Nov23, Opened: 2, Resolved: 2, Breached: 1),
            new DayTrend(Nov24, Opened: 2, Resolved: 0, Breached: 1)], trends.Days);
        Assert.Equal([new CategoryCount("waiting-time", Cases: 4, Open: 3), new CategoryCount("mistreatment", 1, 1)], trends.Categories);
        Assert.Equal([(0, 0), (0, 0), (2, 1)], lima.Days.Select(d => (d.Opened, d.Breached)));
        Assert.Equal([1, 2, 0], jalisco.Days.Select(d => d.Opened));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadTrends_MedianFirstResponseOfTheCasesOpenedInThePeriod(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var start = Now.AddHours(-6);
        await AppendAsync(db, Opened("QJ-10", start), Opened("QJ-20", start), Opened("QJ-60", start), Opened("QJ-NONE", start),
            Opened("QJ-OLD", Now.AddDays(-10)));
        await AppendAsync(db,
            Then("QJ-10", start.AddMinutes(10), new CaseAssignedData("TAO-104233")),
            Then("QJ-20", start.AddMinutes(20), new NoteAddedData("Se llamó al derechohabiente.")),
            Then("QJ-60", start.AddMinutes(60), new CaseAssignedData("TAO-104233")),
            Then("QJ-OLD", Now.AddDays(-9), new CaseAssignedData("TAO-104233")));
        var today = new CaseFilter { OpenedFrom = Nov24, OpenedTo = Nov24 };

        var odd = await db.Cases.ReadTrendsAsync(today, ReadScope.All, Zones, Ct);
        await AppendAsync(db, Then("QJ-NONE", start.AddMinutes(30), new CaseAssignedData("TAO-104233")));
        var even = await db.Cases.ReadTrendsAsync(today, ReadScope.All, Zones, Ct);
        var none = await db.Cases.ReadTrendsAsync(today, ReadScope.ForRegion("ESS-REB"), Zones, Ct);

        Assert.Equal(TimeSpan.FromMinutes(20), odd.MedianFirstResponse);
        Assert.Equal(TimeSpan.FromMinutes(25), even.MedianFirstResponse);
        Assert.Null(none.MedianFirstResponse);
        Assert.Equal([new DayTrend(Nov24, 0, 0, 0)], none.Days);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadTrends_WithoutAPeriod_IsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        await Assert.ThrowsAsync<ArgumentException>(() => db.Cases.ReadTrendsAsync(new CaseFilter { OpenedFrom = Nov24 }, ReadScope.All, Zones, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadUnitCounts_ListsTheRegionsUnitsWithTheirNumbersWithinScope(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db, Opened("QJ-OLDEST", Now.AddDays(-12), complex: true), Opened("QJ-NEW", Now.AddHours(-1)),
            Opened("QJ-DONE", Now.AddDays(-20)), Opened("QJ-NL", Now.AddDays(-30), unit: "UMF-NL-015"));
        await AppendAsync(db, Then("QJ-DONE", Now.AddDays(-1), new CaseResolvedData("attended", "Se atendió.")));
        await OpenCriticalAndBreachAsync(db, "QJ-LATE", Now.AddHours(-2), unit: "HGR-JAL-046");
        await OpenCriticalAtRiskAsync(db, "QJ-RISK", Now.AddMinutes(-14), unit: "HGR-JAL-046");

        var units = await db.Cases.ReadUnitCountsAsync("IMSS-JAL", ReadScope.All, Zones, Now, Ct);
        var oneUnit = await db.Cases.ReadUnitCountsAsync("IMSS-JAL", ReadScope.ForUnit("UMF-JAL-023"), Zones, Now, Ct);
        var otherRegion = await db.Cases.ReadUnitCountsAsync("IMSS-JAL", ReadScope.ForRegion("IMSS-NL"), Zones, Now, Ct);

        Assert.Equal([
            new UnitCounts("HGR-JAL-046", "HGR No. 46 Guadalajara", OpenCases: 2, OpenComplex: 0, AtRisk: 1, Overdue: 1, BreachedToday: 1, Now.AddHours(-2)),
            new UnitCounts("UMF-JAL-023", "UMF No. 23 Guadalajara", OpenCases: 2, OpenComplex: 1, AtRisk: 0, Overdue: 0, BreachedToday: 0, Now.AddDays(-12))], units);
        Assert.Equal(["UMF-JAL-023"], oneUnit.Select(u => u.UnitCode));
        Assert.Empty(otherRegion);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadPage_FiltersByEveryColumnInSql(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db,
            Opened("QJ-HIGH", Now.AddHours(-5), priority: Priority.High, category: "mistreatment"),
            Opened("QJ-CALL", Now.AddHours(-4), channel: Channel.CallCenter, kind: CaseKind.Request),
            Opened("QJ-PAUSED", Now.AddHours(-3), complex: true),
            Opened("QJ-NIGHT", NearMidnight));
        await AppendAsync(db,
            Then("QJ-PAUSED", Now.AddHours(-2), new CaseAssignedData("TAO-104233")),
            Then("QJ-PAUSED", Now.AddHours(-1), new CasePausedData(PauseReason.AwaitingInsured)),
            Then("QJ-CALL", Now.AddHours(-2), new CaseEscalatedData(1, "Dirección.")));
        await OpenCriticalAndBreachAsync(db, "QJ-LATE", Now.AddHours(-6));

        async Task<string[]> Ids(CaseListQuery q) => (await db.Cases.ReadPageAsync(q, ReadScope.All, Ct)).Items.Select(c => c.CaseId).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["QJ-HIGH"], await Ids(List(filter: new() { Priority = Priority.High })));
        Assert.Equal(["QJ-HIGH"], await Ids(List(filter: new() { Category = "mistreatment" })));
        Assert.Equal(["QJ-CALL"], await Ids(List(filter: new() { Channel = Channel.CallCenter, Kind = CaseKind.Request })));
        Assert.Equal(["QJ-PAUSED"], await Ids(List() with { Status = CaseStatus.Paused }));
        Assert.Equal(["QJ-PAUSED"], await Ids(List() with { SlaState = SlaState.Paused }));
        Assert.Equal(["QJ-LATE"], await Ids(List() with { SlaState = SlaState.Breached }));
        Assert.Equal(["QJ-CALL"], await Ids(List() with { EscalationLevel = 1 }));
        // 23:30 of the 23rd in Guadalajara: the 23rd, whatever the UTC date says.
        Assert.Equal(["QJ-NIGHT"], await Ids(List(filter: new() { OpenedFrom = Nov23, OpenedTo = Nov23 })));
        Assert.DoesNotContain("QJ-NIGHT", await Ids(List(filter: new() { OpenedFrom = Nov24, OpenedTo = Nov24 })));
        Assert.Equal(4, (await db.Cases.ReadPageAsync(List(filter: new() { OpenedFrom = Nov24 }), ReadScope.All, Ct)).Total);
        Assert.Empty(await Ids(List(filter: new() { Priority = Priority.High }) with { Status = CaseStatus.Paused }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadPage_SortsByEveryWhitelistedOrderBothWays(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db,
            Opened("QJ-A", Now.AddHours(-4), priority: Priority.Low),
            Opened("QJ-B", Now.AddHours(-3), priority: Priority.High),
            Opened("QJ-C", Now.AddHours(-2), priority: Priority.Medium),
            Opened("QJ-D", Now.AddHours(-1), kind: CaseKind.Compliment, priority: Priority.Low));
        await AppendAsync(db,
            Then("QJ-A", Now.AddMinutes(-50), new CaseAssignedData("TAO-104233")),
            Then("QJ-A", Now.AddMinutes(-40), new CaseEscalatedData(2, "Comité regional.")),
            Then("QJ-C", Now.AddMinutes(-30), new CaseEscalatedData(1, "Dirección.")));
        var dueOrder = (await db.Cases.ReadPageAsync(List(), ReadScope.All, Ct)).Items
            .OrderBy(c => c.Sla?.Resolution is null ? 1 : 0).ThenBy(c => c.Sla?.Resolution?.DueAt).Select(c => c.CaseId).ToArray();

        async Task<string[]> Sorted(CaseSort sort, bool descending) =>
            (await db.Cases.ReadPageAsync(List() with { Sort = sort, Descending = descending }, ReadScope.All, Ct)).Items.Select(c => c.CaseId).ToArray();

        Assert.Equal(["QJ-D", "QJ-C", "QJ-B", "QJ-A"], await Sorted(CaseSort.Opened, descending: true));
        Assert.Equal(["QJ-A", "QJ-B", "QJ-C", "QJ-D"], await Sorted(CaseSort.Opened, descending: false));
        // Ties keep the newest first.
        Assert.Equal(["QJ-D", "QJ-A", "QJ-C", "QJ-B"], await Sorted(CaseSort.Priority, descending: false));
        Assert.Equal(["QJ-B", "QJ-C", "QJ-D", "QJ-A"], await Sorted(CaseSort.Priority, descending: true));
        Assert.Equal(["QJ-D", "QJ-C", "QJ-B", "QJ-A"], await Sorted(CaseSort.Status, descending: false));
        Assert.Equal(["QJ-A", "QJ-D", "QJ-C", "QJ-B"], await Sorted(CaseSort.Status, descending: true));
        Assert.Equal(["QJ-A", "QJ-C", "QJ-D", "QJ-B"], await Sorted(CaseSort.EscalationLevel, descending: true));
        Assert.Equal(dueOrder, await Sorted(CaseSort.Due, descending: false));
        Assert.Equal("QJ-D", dueOrder[^1]);
        Assert.Equal("QJ-D", (await Sorted(CaseSort.Due, descending: true))[^1]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadAgeBuckets_CountsOpenCasesByWholeDaysSinceOpening(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db,
            Opened("QJ-0", Now.AddHours(-1)), Opened("QJ-2", Now.AddDays(-3).AddMinutes(1)),
            Opened("QJ-3", Now.AddDays(-3)), Opened("QJ-7", Now.AddDays(-8).AddMinutes(1)),
            Opened("QJ-8", Now.AddDays(-8)), Opened("QJ-15", Now.AddDays(-16).AddMinutes(1), priority: Priority.High),
            Opened("QJ-16", Now.AddDays(-16)), Opened("QJ-40", Now.AddDays(-40), priority: Priority.High),
            Opened("QJ-DONE", Now.AddDays(-5)), Opened("QJ-HGR", Now.AddDays(-5), unit: "HGR-JAL-046"));
        await AppendAsync(db, Then("QJ-DONE", Now.AddDays(-1), new CaseResolvedData("attended", "Se atendió.")));

        var unit = await db.Cases.ReadAgeBucketsAsync(List(unit: "UMF-JAL-023"), ReadScope.All, Now, Ct);
        var high = await db.Cases.ReadAgeBucketsAsync(List(unit: "UMF-JAL-023", filter: new() { Priority = Priority.High }), ReadScope.All, Now, Ct);
        var outside = await db.Cases.ReadAgeBucketsAsync(List(unit: "UMF-JAL-023"), ReadScope.ForRegion("IMSS-NL"), Now, Ct);
        // A filter on days of the unit's clock joins the clocks (the other reads do without them).
        var lastDays = await db.Cases.ReadAgeBucketsAsync(List(unit: "UMF-JAL-023", filter: new() { OpenedFrom = DateOnly.FromDateTime(Now.AddDays(-5).UtcDateTime) }), ReadScope.All, Now, Ct);

        Assert.Equal(new AgeBuckets(Days0To2: 2, Days3To7: 2, Days8To15: 2, Over15: 2), unit);
        Assert.Equal(new AgeBuckets(0, 0, 1, 1), high);
        Assert.Equal(new AgeBuckets(2, 1, 0, 0), lastDays);
        Assert.Equal(0, outside.Total);
    }
}
