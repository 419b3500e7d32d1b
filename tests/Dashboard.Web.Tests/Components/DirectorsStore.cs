using System.Collections.Concurrent;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// The reads of the directors' pages (overview, region, unit, case list), answered from settable values and recorded,
/// so a test can say what the page asked and change what the next read returns.
/// </summary>
internal sealed class DirectorsStore : CaseReadersStub
{
    private int _reads;

    /// <summary>Every read the pages made, of any kind.</summary>
    public int Reads => Volatile.Read(ref _reads);

    public volatile OpenCaseCounts Counts = new(OpenCases: 1204, OpenComplex: 87, AtRisk: 12, Overdue: 31, BreachedToday: 9, Level1: 4, Level2: 2, Level3: 1);

    public volatile OverviewTrends Trends = new([], [new CategoryCount("waiting-time", 40, 12), new CategoryCount("mistreatment", 15, 9)], TimeSpan.FromMinutes(12));

    public volatile IReadOnlyList<UnitCounts> Units = [];

    public volatile IReadOnlyList<CaseState> Cases = [];

    public volatile AgeBuckets Ages = new(5, 3, 2, 1);

    public volatile IReadOnlyList<AgentWorkload> Workload = [new AgentWorkload(null, 3, 1, 0)];

    /// <summary>
    /// What the page reads of its own (the overview's counts, a region's units, a unit's workload) waits for: a test holds
    /// it to see the page while it reads, as a page reached by a link inside the app does.
    /// </summary>
    public volatile Task Held = Task.CompletedTask;

    public ConcurrentQueue<CaseFilter> OverviewFilters { get; } = new();

    public ConcurrentQueue<CaseFilter> TrendFilters { get; } = new();

    public ConcurrentQueue<CaseListQuery> PageQueries { get; } = new();

    public ConcurrentQueue<CaseListQuery> AgeQueries { get; } = new();

    public ConcurrentQueue<string> UnitCountRegions { get; } = new();

    public volatile IReadOnlyList<StaffRoleCount> StaffRoles = [];

    public ConcurrentQueue<(CaseFilter Filter, ReadScope Scope)> StaffRoleFilters { get; } = new();

    public override Task<IReadOnlyList<StaffRoleCount>> ReadCountsByStaffRoleAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        StaffRoleFilters.Enqueue((filter, scope));
        return Task.FromResult(StaffRoles);
    }

    public override Task<OpenCaseCounts> ReadOverviewAsync(CaseFilter filter, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        OverviewFilters.Enqueue(filter);
        return AfterHeld(Counts);
    }

    public override Task<OverviewTrends> ReadTrendsAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        TrendFilters.Enqueue(filter);
        var trends = Trends;
        // Like the real store: every day of the period, zeros where the test set nothing.
        var period = new List<DayTrend>();
        for (var day = filter.OpenedFrom!.Value; day <= filter.OpenedTo!.Value; day = day.AddDays(1))
        {
            period.Add(trends.Days.FirstOrDefault(d => d.Day == day) ?? new DayTrend(day, 0, 0, 0));
        }

        return Task.FromResult(trends with { Days = period });
    }

    public override Task<IReadOnlyList<UnitCounts>> ReadUnitCountsAsync(string regionCode, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        UnitCountRegions.Enqueue(regionCode);
        return AfterHeld(Units);
    }

    public override Task<CasePage> ReadPageAsync(CaseListQuery query, ReadScope scope, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        PageQueries.Enqueue(query);
        var cases = Cases;
        return Task.FromResult(new CasePage(cases.Skip((int)query.Skip).Take(query.PageSize).ToArray(), cases.Count));
    }

    public override Task<AgeBuckets> ReadAgeBucketsAsync(CaseListQuery query, ReadScope scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        AgeQueries.Enqueue(query);
        return Task.FromResult(Ages);
    }

    public override Task<IReadOnlyList<AgentWorkload>> ReadWorkloadAsync(string unitCode, ReadScope scope, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return AfterHeld(Workload);
    }

    private async Task<T> AfterHeld<T>(T value)
    {
        await Held;
        return value;
    }
}
