using Dashboard.Core.Cases;
using Dashboard.Core.Sla;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>The wall's big numbers from a real database, per scope: open work only, closed history never counted.</summary>
public sealed class WallReadsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset TodayStart = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private static CaseEvent Opened(string caseId, string unit, bool complex = false, double hoursAgo = 0.5) =>
        new(Guid.NewGuid(), caseId, Now.AddHours(-hoursAgo), new CaseOpenedData(unit, CaseKind.Complaint, Channel.Module, "waiting-time",
            Priority.Medium, complex, "Espera prolongada en ventanilla.", AgentId: "TAO-104233"));

    private static CaseEvent Then(string caseId, CaseEventData data) => new(Guid.NewGuid(), caseId, Now.AddMinutes(-5), data);

    private static async Task AppendAsync(TestDatabase db, params CaseEvent[] events)
    {
        var result = await db.Events.AppendAsync(events, Now, Context, Ct);
        Assert.Equal(AppendOutcome.Committed, result.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadWall_CountsOpenCasesOfTheScope_ByComplexityClockAndLevel(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db,
            Opened("JAL-COMPLEX", "UMF-JAL-023", complex: true),
            Opened("JAL-LEVEL2", "HGR-JAL-046"),
            // A hospital runs 24×7: opened 30 hours ago, its 24-hour resolution target passed six hours ago, today.
            Opened("JAL-LATE", "HGR-JAL-046", hoursAgo: 30),
            Opened("JAL-CLOSED", "UMF-JAL-023", complex: true),
            Opened("NL-OPEN", "UMF-NL-015", complex: true));
        await AppendAsync(db,
            Then("JAL-LEVEL2", new CaseEscalatedData(2, "El comité regional revisa el caso.")),
            Then("JAL-CLOSED", new CaseResolvedData("attended", "Se atendió.")),
            Then("JAL-CLOSED", new CaseClosedData(4)));
        // The sweep's own plan for what is due now, appended as the SLA job would.
        foreach (var due in await db.Cases.ReadDueAsync(Now, 100, Ct))
        {
            if (SlaSweep.DueEvents(due, Now, Context) is { Count: > 0 } events)
            {
                await AppendAsync(db, [.. events]);
            }
        }

        var all = (await db.Cases.ReadWallAsync(ReadScope.All, TodayStart, TodayStart.AddDays(1), 10, Ct)).Counts;
        var jalisco = (await db.Cases.ReadWallAsync(ReadScope.ForRegion("IMSS-JAL"), TodayStart, TodayStart.AddDays(1), 10, Ct)).Counts;
        var hospital = (await db.Cases.ReadWallAsync(ReadScope.ForUnit("HGR-JAL-046"), TodayStart, TodayStart.AddDays(1), 10, Ct)).Counts;
        var yesterday = (await db.Cases.ReadWallAsync(ReadScope.All, TodayStart.AddDays(-1), TodayStart, 10, Ct)).Counts;

        Assert.Equal(new OpenCaseCounts(OpenCases: 4, OpenComplex: 2, AtRisk: 0, Overdue: 1, BreachedToday: 1, Level1: 0, Level2: 1, Level3: 0), all);
        Assert.Equal(new OpenCaseCounts(OpenCases: 3, OpenComplex: 1, AtRisk: 0, Overdue: 1, BreachedToday: 1, Level1: 0, Level2: 1, Level3: 0), jalisco);
        Assert.Equal(new OpenCaseCounts(OpenCases: 2, OpenComplex: 0, AtRisk: 0, Overdue: 1, BreachedToday: 1, Level1: 0, Level2: 1, Level3: 0), hospital);
        Assert.Equal(0, yesterday.BreachedToday);
    }

    [Fact]
    public async Task ReadWall_OnSqlite_DoesNotWaitForAnAppendInProgress()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await AppendAsync(db, Opened("JAL-1", "UMF-JAL-023"));
        await using var writer = await db.Connections.AcquireWriterAsync(Ct);
        await using var append = await writer.Connection.BeginTransactionAsync(Ct); // holds the write lock, as a group does

        // With the write lock taken by the read, this would wait out busy_timeout (10 s) and fail.
        var wall = await db.Cases.ReadWallAsync(ReadScope.All, TodayStart, TodayStart.AddDays(1), 10, Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);

        Assert.Equal(1, wall.Counts.OpenCases);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadWall_InstitutionScope_CountsOnlyItsOwnCases_AndListsWhatFallsDueFirst(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db,
            Opened("IMSS-SOON", "UMF-JAL-023", hoursAgo: 0.5),
            Opened("IMSS-LATER", "UMF-NL-015", hoursAgo: 0.1),
            Opened("IMSS-PAUSED", "UMF-JAL-023", hoursAgo: 0.6),
            Opened("ESS-OPEN", "HN-REB-001", hoursAgo: 0.2));
        await AppendAsync(db, Then("IMSS-PAUSED", new CasePausedData(PauseReason.AwaitingInsured)));

        var imss = await db.Cases.ReadWallAsync(ReadScope.ForInstitution("Imss"), TodayStart, TodayStart.AddDays(1), 10, Ct);
        var essalud = await db.Cases.ReadWallAsync(ReadScope.ForInstitution("EsSalud"), TodayStart, TodayStart.AddDays(1), 10, Ct);

        Assert.Equal(3, imss.Counts.OpenCases);
        Assert.Equal(1, essalud.Counts.OpenCases);
        Assert.Equal(["IMSS-JAL", "IMSS-NL"], imss.Regions.Select(r => r.RegionCode).Order(StringComparer.Ordinal));
        // Soonest first; a paused case is not counting down; another institution's case is not there.
        Assert.Equal(["IMSS-SOON", "IMSS-LATER"], imss.DueSoon.Select(d => d.CaseId));
        Assert.True(imss.DueSoon[0].DueAt <= imss.DueSoon[1].DueAt);
        Assert.Equal("ESS-OPEN", Assert.Single(essalud.DueSoon).CaseId);
        Assert.All(await db.Events.ReadAfterAsync(0, 100, ReadScope.ForInstitution("EsSalud"), Ct), e => Assert.Equal("ESS-REB", e.RegionCode));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DueSoon_OfAnyLength_IsTheBeginningOfTheWholeListInDeadlineOrder(DatabaseProvider provider)
    {
        // Priorities, complexity and units on different calendars give each case its own warning and deadline, so the
        // order of the next warning is not the order of the deadlines; some are warned (at risk) by the sweep, some paused.
        await using var db = await TestDatabase.CreateAsync(provider);
        var random = new Random(524);
        string[] units = ["UMF-JAL-023", "HGR-JAL-046", "UMF-NL-015", "HN-REB-001"];
        var opened = Enumerable.Range(1, 40).Select(i => new CaseEvent(Guid.NewGuid(), $"QJ-DUE-{i:D2}", Now.AddHours(-random.NextDouble() * 30),
            new CaseOpenedData(units[random.Next(units.Length)], CaseKind.Complaint, Channel.Module, "waiting-time", (Priority)random.Next(4),
                random.Next(3) == 0, "Espera prolongada en ventanilla.", AgentId: random.Next(2) == 0 ? "TAO-104233" : null))).ToArray();
        await AppendAsync(db, opened);
        await AppendAsync(db, [.. opened.Where(e => e.Data is CaseOpenedData { AgentId: not null }).Take(4).Select(e => Then(e.CaseId, new CasePausedData(PauseReason.AwaitingInsured)))]);
        foreach (var due in await db.Cases.ReadDueAsync(Now, 100, Ct))
        {
            if (SlaSweep.DueEvents(due, Now, Context) is { Count: > 0 } events)
            {
                await AppendAsync(db, [.. events]);
            }
        }

        foreach (var scope in new[] { ReadScope.All, ReadScope.ForInstitution("Imss"), ReadScope.ForRegion("IMSS-JAL"), ReadScope.ForUnit("HGR-JAL-046") })
        {
            var whole = (await db.Cases.ReadWallAsync(scope, TodayStart, TodayStart.AddDays(1), 1000, Ct)).DueSoon;
            Assert.True(whole.Count >= 3, $"{scope}: {whole.Count} cases counting down");
            Assert.Equal(whole.OrderBy(d => d.DueAt).ThenBy(d => d.CaseId, StringComparer.Ordinal), whole);
            for (var length = 1; length <= whole.Count; length++)
            {
                var list = (await db.Cases.ReadWallAsync(scope, TodayStart, TodayStart.AddDays(1), length, Ct)).DueSoon;
                Assert.Equal(whole.Take(length).Select(d => d.CaseId), list.Select(d => d.CaseId));
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadFiguresAt_RebuildsYesterdaysOpenCasesAndTheWeeksCompliance(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db,
            // Open since two days ago, resolved an hour ago: open at this hour yesterday, not now.
            Opened("RESOLVED-TODAY", "UMF-JAL-023", hoursAgo: 48),
            // Opened this morning: not open yesterday.
            Opened("NEW-TODAY", "UMF-JAL-023", hoursAgo: 2));
        await AppendAsync(db, new CaseEvent(Guid.NewGuid(), "RESOLVED-TODAY", Now.AddHours(-1), new CaseResolvedData("attended", "Se atendió.")));

        var scope = ReadScope.ForRegion("IMSS-JAL");
        var now = await db.Cases.ReadFiguresAtAsync(scope, Now, TodayStart, Ct);
        var yesterday = await db.Cases.ReadFiguresAtAsync(scope, Now.AddDays(-1), TodayStart.AddDays(-1), Ct);

        Assert.Equal(1, now.OpenCases);
        Assert.Equal(1, yesterday.OpenCases);
        // Each case's first response came with its técnica at opening; the resolution an hour ago was late or on time,
        // and either way decided within the week.
        Assert.True(now.Compliance.Decided >= 1);
        Assert.InRange(now.Compliance.Met, 0, now.Compliance.Decided);
    }
}
