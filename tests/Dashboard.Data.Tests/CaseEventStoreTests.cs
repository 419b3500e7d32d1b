using Dashboard.Core.Cases;
using Dashboard.Core.Storage;
using static Dashboard.Data.Tests.Fixtures;

namespace Dashboard.Data.Tests;

/// <summary>The store contract, run against every configured provider.</summary>
public sealed class CaseEventStoreTests
{
    private static CaseEvent Opened(string caseId, string unit = "UMF-JAL-023", bool complex = false, Guid? eventId = null, Priority priority = Priority.Medium) =>
        new(eventId ?? Guid.NewGuid(), caseId, Now, new CaseOpenedData(unit, CaseKind.Complaint, Channel.Module, "waiting-time", priority, complex,
            "Espera de más de tres horas en urgencias.", "12345678903"));

    private static CaseEvent Assigned(string caseId, int minutes = 5) => new(Guid.NewGuid(), caseId, Now.AddMinutes(minutes), new CaseAssignedData("TAO-104233"));

    private static Task<AppendResult> AppendAsync(TestDatabase db, params CaseEvent[] events) =>
        db.Events.AppendAsync(events, Now, Fixtures.Context, TestContext.Current.CancellationToken);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendAsync_Events_GetTheNextSequenceNumbers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var first = await AppendAsync(db, Opened("QJ-1"));
        var second = await AppendAsync(db, Assigned("QJ-1"), Opened("QJ-2"));

        Assert.Equal(AppendOutcome.Committed, first.Outcome);
        Assert.Equal(1, Assert.Single(first.Results).Sequence);
        Assert.Equal([2L, 3L], second.Results.Select(r => r.Sequence));
        var stored = await db.Events.ReadAfterAsync(0, 10, ReadScope.All, TestContext.Current.CancellationToken);
        Assert.Equal([1L, 2L, 3L], stored.Select(e => e.Sequence));
        Assert.Equal(CaseStatus.Assigned, stored[1].Status);
        Assert.Equal("IMSS-JAL", stored[0].RegionCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadLastSequence_IsTheCommittedEndOfTheLogAndARefusedBatchLeavesIt(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, await db.Events.ReadLastSequenceAsync(TestContext.Current.CancellationToken));

        await AppendAsync(db, Opened("QJ-1"), Opened("QJ-2"));
        var refused = await AppendAsync(db, Assigned("QJ-UNKNOWN"));

        Assert.Equal(AppendOutcome.Rejected, refused.Outcome);
        Assert.Equal(2, await db.Events.ReadLastSequenceAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendAsync_UpdatesTheCaseProjection(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        await AppendAsync(db, Opened("QJ-1", complex: true), Assigned("QJ-1"));

        var state = await db.Cases.ReadByIdAsync("QJ-1", ReadScope.All, TestContext.Current.CancellationToken);
        Assert.NotNull(state);
        Assert.Equal(CaseStatus.Assigned, state.Status);
        Assert.Equal("TAO-104233", state.AgentId);
        Assert.True(state.Complex);
        Assert.Equal(2, state.LastSequence);
        Assert.Equal(Now, state.OpenedAt);
        Assert.Equal(Now.AddMinutes(5), state.UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendAsync_SameEventAgain_IsADuplicateWithTheSameSequence(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var opened = Opened("QJ-1");
        await AppendAsync(db, opened);

        var replay = await AppendAsync(db, opened with { }, Assigned("QJ-1"));

        Assert.Equal(AppendOutcome.Committed, replay.Outcome);
        Assert.True(replay.Results[0].Duplicate);
        Assert.Equal(1, replay.Results[0].Sequence);
        Assert.Equal(2, replay.Results[1].Sequence);
        Assert.Single(replay.NewEvents);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendAsync_SameEventIdDifferentContent_IsAConflictAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = Guid.NewGuid();
        await AppendAsync(db, Opened("QJ-1", eventId: id));

        var result = await AppendAsync(db, Opened("QJ-2"), Opened("QJ-1", eventId: id, priority: Priority.Critical));

        Assert.Equal(AppendOutcome.Conflict, result.Outcome);
        Assert.Equal(1, result.FailedIndex);
        Assert.Null(await db.Cases.ReadByIdAsync("QJ-2", ReadScope.All, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendAsync_BatchBreakingARule_StoresNothingAndLeavesNoGap(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db, Opened("QJ-1"));

        var rejected = await AppendAsync(db, Opened("QJ-2"), Assigned("QJ-404"));
        var next = await AppendAsync(db, Opened("QJ-3"));

        Assert.Equal(AppendOutcome.Rejected, rejected.Outcome);
        Assert.Equal(1, rejected.FailedIndex);
        Assert.Contains("QJ-404", rejected.Reason);
        Assert.Null(await db.Cases.ReadByIdAsync("QJ-2", ReadScope.All, TestContext.Current.CancellationToken));
        Assert.Equal(2, Assert.Single(next.Results).Sequence);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendAsync_ConcurrentWriters_GetGapFreeUniqueSequences(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                var result = await AppendAsync(db, Opened($"QJ-{w}-{i}"));
                Assert.Equal(AppendOutcome.Committed, result.Outcome);
            }
        }, TestContext.Current.CancellationToken));
        await Task.WhenAll(writers);

        var stored = await db.Events.ReadAfterAsync(0, 1000, ReadScope.All, TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), stored.Select(e => e.Sequence));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendGroupAsync_OneBadBatch_FailsAloneAndTheOthersCommitWithoutGaps(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        IReadOnlyList<CaseEvent>[] batches =
        [
            [Opened("QJ-A")],
            [Opened("QJ-B"), Assigned("QJ-404")],
            [Opened("QJ-C"), Assigned("QJ-A")],
        ];

        var results = await db.Events.AppendGroupAsync(batches, Now, Fixtures.Context, TestContext.Current.CancellationToken);

        Assert.Equal([AppendOutcome.Committed, AppendOutcome.Rejected, AppendOutcome.Committed], results.Select(r => r.Outcome));
        Assert.Equal([1L], results[0].Results.Select(r => r.Sequence));
        Assert.Equal([2L, 3L], results[2].Results.Select(r => r.Sequence));
        Assert.Null(await db.Cases.ReadByIdAsync("QJ-B", ReadScope.All, TestContext.Current.CancellationToken));
        Assert.Equal(CaseStatus.Assigned, (await db.Cases.ReadByIdAsync("QJ-A", ReadScope.All, TestContext.Current.CancellationToken))!.Status);
        var stored = await db.Events.ReadAfterAsync(0, 10, ReadScope.All, TestContext.Current.CancellationToken);
        Assert.Equal(["QJ-A", "QJ-C", "QJ-A"], stored.Select(e => e.CaseId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendGroupAsync_ReplayOfAnEarlierBatchInTheGroup_IsADuplicate(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var opened = Opened("QJ-A");

        var results = await db.Events.AppendGroupAsync([[opened], [opened with { }]], Now, Fixtures.Context, TestContext.Current.CancellationToken);

        Assert.False(results[0].Results[0].Duplicate);
        Assert.True(results[1].Results[0].Duplicate);
        Assert.Equal(1, results[1].Results[0].Sequence);
        Assert.Single(await db.Events.ReadAfterAsync(0, 10, ReadScope.All, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reads_AreFilteredByScopeInTheQuery(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AppendAsync(db, Opened("QJ-JAL-1"), Opened("QJ-JAL-2", unit: "HGR-JAL-046", complex: true), Opened("QJ-NL-1", unit: "UMF-NL-015"), Opened("QR-REB-1", unit: "HN-REB-001"));
        var ct = TestContext.Current.CancellationToken;

        var jalisco = await db.Events.ReadAfterAsync(0, 100, ReadScope.ForRegion("IMSS-JAL"), ct);
        var oneUnit = await db.Events.ReadAfterAsync(0, 100, ReadScope.ForUnit("UMF-NL-015"), ct);

        Assert.Equal(["QJ-JAL-1", "QJ-JAL-2"], jalisco.Select(e => e.CaseId));
        Assert.Equal(["QJ-NL-1"], oneUnit.Select(e => e.CaseId));
        Assert.Null(await db.Cases.ReadByIdAsync("QJ-NL-1", ReadScope.ForRegion("IMSS-JAL"), ct));
        Assert.Empty(await db.Events.ReadByCaseAsync("QJ-NL-1", ReadScope.ForRegion("IMSS-JAL"), ct));
        Assert.Single(await db.Events.ReadByCaseAsync("QJ-NL-1", ReadScope.ForUnit("UMF-NL-015"), ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadOpenCountsByRegion_CountsOpenAndComplexWithinScope(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await AppendAsync(db, Opened("QJ-1"), Opened("QJ-2", unit: "HGR-JAL-046", complex: true), Opened("QJ-3", unit: "UMF-NL-015"));
        await AppendAsync(db, new CaseEvent(Guid.NewGuid(), "QJ-1", Now.AddMinutes(1), new CaseResolvedData("attended", "Se atendió.")));

        var all = (await db.Cases.ReadOpenCountsByRegionAsync(ReadScope.All, ct)).ToDictionary(r => r.RegionCode);
        var unit = await db.Cases.ReadOpenCountsByRegionAsync(ReadScope.ForUnit("UMF-JAL-023"), ct);

        Assert.Equal(3, all.Count);
        Assert.Equal((2, 1, 1), (all["IMSS-JAL"].Units, all["IMSS-JAL"].OpenCases, all["IMSS-JAL"].OpenComplex));
        Assert.Equal((1, 1, 0), (all["IMSS-NL"].Units, all["IMSS-NL"].OpenCases, all["IMSS-NL"].OpenComplex));
        Assert.Equal(0, all["ESS-REB"].OpenCases);
        Assert.Equal("OOAD Nuevo León", all["IMSS-NL"].RegionName);
        var only = Assert.Single(unit);
        Assert.Equal(("IMSS-JAL", 1, 0), (only.RegionCode, only.Units, only.OpenCases));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Catalogue_UpsertTwice_ReadsBackTheSameSnapshot(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;

        await db.Catalogue.UpsertAsync(Catalogue, ct);
        var read = await db.Catalogue.ReadAllAsync(ct);

        Assert.Equal(Catalogue.Regions.OrderBy(r => r.Code, StringComparer.Ordinal), read.Regions);
        Assert.Equal(Catalogue.Units.OrderBy(u => u.Code, StringComparer.Ordinal), read.Units);
        Assert.Equal(Catalogue.Agents, read.Agents);
        Assert.False(await db.Catalogue.IsEmptyAsync(ct));
    }
}
