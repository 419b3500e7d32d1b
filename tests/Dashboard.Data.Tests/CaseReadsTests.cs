using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>The case list and summary reads, run against every configured provider.</summary>
public sealed class CaseReadsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CaseEvent Opened(string caseId, int minute = 0, string unit = "UMF-JAL-023", bool complex = false, string? insuredId = "12345678903") =>
        new(Guid.NewGuid(), caseId, Now.AddMinutes(minute), new CaseOpenedData(unit, CaseKind.Complaint, Channel.Module, "waiting-time", Priority.Medium,
            complex, "Espera de más de tres horas en urgencias.", insuredId));

    private static CaseEvent Then(string caseId, CaseEventData data, int minute = 30) => new(Guid.NewGuid(), caseId, Now.AddMinutes(minute), data);

    private static async Task AppendAsync(TestDatabase db, params CaseEvent[] events)
    {
        var result = await db.Events.AppendAsync(events, Now, Fixtures.Context, Ct);
        Assert.Equal(AppendOutcome.Committed, result.Outcome);
    }

    private static CaseListQuery Query(string? region = null, string? unit = null, bool? open = null, bool? complex = null, int page = 1, int pageSize = 50) =>
        new(new CaseFilter { RegionCode = region, UnitCode = unit, Complex = complex }, page, pageSize) { Open = open };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadPage_PagesNewestFirstThenByCaseIdWithTheTotal(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // QJ-B and QJ-C open at the same minute: the case id settles their order.
        await AppendAsync(db, Opened("QJ-A", minute: 1), Opened("QJ-C", minute: 3), Opened("QJ-B", minute: 3), Opened("QJ-D", minute: 2), Opened("QJ-E", minute: 0));

        var first = await db.Cases.ReadPageAsync(Query(pageSize: 2), ReadScope.All, Ct);
        var second = await db.Cases.ReadPageAsync(Query(page: 2, pageSize: 2), ReadScope.All, Ct);
        var last = await db.Cases.ReadPageAsync(Query(page: 3, pageSize: 2), ReadScope.All, Ct);
        var beyond = await db.Cases.ReadPageAsync(Query(page: 4, pageSize: 2), ReadScope.All, Ct);

        Assert.Equal(["QJ-B", "QJ-C"], first.Items.Select(c => c.CaseId));
        Assert.Equal(["QJ-D", "QJ-A"], second.Items.Select(c => c.CaseId));
        Assert.Equal(["QJ-E"], last.Items.Select(c => c.CaseId));
        Assert.Empty(beyond.Items);
        Assert.All(new[] { first, second, last, beyond }, p => Assert.Equal(5, p.Total));
        Assert.Equal(Now.AddMinutes(3), first.Items[0].OpenedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadPage_StatusFilter_ClosedMeansResolvedOrClosed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db, Opened("QJ-NEW", minute: 4), Opened("QJ-PAUSED", minute: 3), Opened("QJ-RESOLVED", minute: 2), Opened("QJ-CLOSED", minute: 1));
        await AppendAsync(db,
            Then("QJ-PAUSED", new CaseAssignedData("TAO-104233")), Then("QJ-PAUSED", new CasePausedData(PauseReason.AwaitingInsured), 31),
            Then("QJ-RESOLVED", new CaseResolvedData("attended", "Se atendió.")),
            Then("QJ-CLOSED", new CaseResolvedData("attended", "Se atendió.")), Then("QJ-CLOSED", new CaseClosedData(5), 31));

        var open = await db.Cases.ReadPageAsync(Query(open: true), ReadScope.All, Ct);
        var closed = await db.Cases.ReadPageAsync(Query(open: false), ReadScope.All, Ct);

        Assert.Equal(["QJ-NEW", "QJ-PAUSED"], open.Items.Select(c => c.CaseId));
        Assert.Equal(2, open.Total);
        Assert.Equal(["QJ-RESOLVED", "QJ-CLOSED"], closed.Items.Select(c => c.CaseId));
        Assert.Equal([CaseStatus.Resolved, CaseStatus.Closed], closed.Items.Select(c => c.Status));
        Assert.Equal(2, closed.Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadPage_ComplexFilter_FollowsReclassification(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db, Opened("QJ-1", minute: 3, complex: true), Opened("QJ-2", minute: 2), Opened("QJ-3", minute: 1));
        await AppendAsync(db, Then("QJ-3", new CaseReclassifiedData(null, null, Complex: true)));

        var complex = await db.Cases.ReadPageAsync(Query(complex: true), ReadScope.All, Ct);
        var simple = await db.Cases.ReadPageAsync(Query(complex: false), ReadScope.All, Ct);

        Assert.Equal(["QJ-1", "QJ-3"], complex.Items.Select(c => c.CaseId));
        Assert.All(complex.Items, c => Assert.True(c.Complex));
        Assert.Equal(["QJ-2"], simple.Items.Select(c => c.CaseId));
        Assert.Equal((2, 1), (complex.Total, simple.Total));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadPage_FiltersNarrowTheScopeAndNeverWidenIt(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db, Opened("QJ-JAL-1", minute: 3), Opened("QJ-JAL-2", minute: 2, unit: "HGR-JAL-046"), Opened("QJ-NL-1", minute: 1, unit: "UMF-NL-015"),
            Opened("QR-REB-1", unit: "HN-REB-001", insuredId: "45678912"));
        var jalisco = ReadScope.ForRegion("IMSS-JAL");

        var all = await db.Cases.ReadPageAsync(Query(), ReadScope.All, Ct);
        var inScope = await db.Cases.ReadPageAsync(Query(), jalisco, Ct);
        var askingForAnother = await db.Cases.ReadPageAsync(Query(region: "IMSS-NL"), jalisco, Ct);
        var askingForAnotherUnit = await db.Cases.ReadPageAsync(Query(unit: "UMF-NL-015"), jalisco, Ct);
        var narrowed = await db.Cases.ReadPageAsync(Query(unit: "HGR-JAL-046"), jalisco, Ct);
        var unitScope = await db.Cases.ReadPageAsync(Query(region: "IMSS-JAL"), ReadScope.ForUnit("UMF-JAL-023"), Ct);
        var regionFilter = await db.Cases.ReadPageAsync(Query(region: "ESS-REB"), ReadScope.All, Ct);

        Assert.Equal(4, all.Total);
        Assert.Equal(["QJ-JAL-1", "QJ-JAL-2"], inScope.Items.Select(c => c.CaseId));
        Assert.Equal(2, inScope.Total);
        Assert.Equal((0, 0), (askingForAnother.Items.Count, askingForAnother.Total));
        Assert.Equal((0, 0), (askingForAnotherUnit.Items.Count, askingForAnotherUnit.Total));
        Assert.Equal(["QJ-JAL-2"], narrowed.Items.Select(c => c.CaseId));
        Assert.Equal(["QJ-JAL-1"], unitScope.Items.Select(c => c.CaseId));
        Assert.Equal(["QR-REB-1"], regionFilter.Items.Select(c => c.CaseId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadSummary_CountsStatusesComplexAndEscalationOfOpenCases(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db, Opened("QJ-1", complex: true), Opened("QJ-2", complex: true), Opened("QJ-3"), Opened("QJ-4", complex: true),
            Opened("QJ-5", unit: "HGR-JAL-046"), Opened("QJ-NL", unit: "UMF-NL-015", complex: true));
        await AppendAsync(db,
            Then("QJ-1", new CaseEscalatedData(1, "Vencido.")), Then("QJ-1", new CaseEscalatedData(2, "Sigue vencido."), 31),
            Then("QJ-2", new CaseAssignedData("TAO-104233")), Then("QJ-2", new CaseEscalatedData(3, "Comité central."), 31),
            // Escalated, then resolved: no longer open, so it leaves the escalation counts.
            Then("QJ-4", new CaseEscalatedData(1, "Vencido.")), Then("QJ-4", new CaseResolvedData("attended", "Se atendió."), 31),
            Then("QJ-5", new CaseResolvedData("attended", "Se atendió.")), Then("QJ-5", new CaseClosedData(null), 31),
            Then("QJ-NL", new CaseEscalatedData(1, "Vencido.")));

        var all = await db.Cases.ReadSummaryAsync(null, null, ReadScope.All, Ct);
        var jalisco = await db.Cases.ReadSummaryAsync(null, null, ReadScope.ForRegion("IMSS-JAL"), Ct);
        var oneUnit = await db.Cases.ReadSummaryAsync(null, "UMF-JAL-023", ReadScope.All, Ct);

        Assert.Equal((4, 3), (all.Open, all.OpenComplex));
        Assert.Equal((3, 2), (jalisco.Open, jalisco.OpenComplex));
        Assert.Equal(new Dictionary<CaseStatus, int>
        {
            [CaseStatus.New] = 2,
            [CaseStatus.Assigned] = 1,
            [CaseStatus.Paused] = 0,
            [CaseStatus.Resolved] = 1,
            [CaseStatus.Closed] = 1,
        }, jalisco.ByStatus);
        Assert.Equal(new Dictionary<int, int> { [0] = 1, [1] = 0, [2] = 1, [3] = 1 }, jalisco.ByEscalationLevel);
        Assert.Equal(new Dictionary<int, int> { [0] = 1, [1] = 1, [2] = 1, [3] = 1 }, all.ByEscalationLevel);
        Assert.Equal((3, 2, 1), (oneUnit.Open, oneUnit.OpenComplex, oneUnit.ByStatus[CaseStatus.Resolved]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadSummary_FilterOutsideTheScope_CountsNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db, Opened("QJ-1"), Opened("QJ-NL", unit: "UMF-NL-015", complex: true));

        var summary = await db.Cases.ReadSummaryAsync("IMSS-NL", null, ReadScope.ForRegion("IMSS-JAL"), Ct);
        var byUnit = await db.Cases.ReadSummaryAsync(null, "UMF-NL-015", ReadScope.ForUnit("UMF-JAL-023"), Ct);

        Assert.Equal((0, 0), (summary.Open, summary.OpenComplex));
        Assert.All(summary.ByStatus.Values, count => Assert.Equal(0, count));
        Assert.All(summary.ByEscalationLevel.Values, count => Assert.Equal(0, count));
        Assert.Equal(0, byUnit.Open);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsuredId_IsStoredOnOpeningAndKeptThroughUpdates(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db, Opened("QJ-1", insuredId: "12345678903"), Opened("QJ-ANON", insuredId: null));
        await AppendAsync(db, Then("QJ-1", new CaseAssignedData("TAO-104233")));

        var byId = await db.Cases.ReadByIdAsync("QJ-1", ReadScope.All, Ct);
        var page = await db.Cases.ReadPageAsync(Query(), ReadScope.All, Ct);

        Assert.Equal(CaseStatus.Assigned, byId!.Status);
        Assert.Equal("12345678903", byId.InsuredId);
        Assert.Equal("12345678903", page.Items.Single(c => c.CaseId == "QJ-1").InsuredId);
        Assert.Null(page.Items.Single(c => c.CaseId == "QJ-ANON").InsuredId);
    }
}
