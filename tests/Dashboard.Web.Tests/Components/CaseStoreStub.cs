using Dashboard.Core.Cases;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Tests.Components;

/// <summary>A case store for component tests: each fake overrides the reads its page makes; any other read fails the test.</summary>
public abstract class CaseStoreStub : ICaseStore
{
    public virtual Task<CaseState?> ReadByIdAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<IReadOnlyList<RegionOpenCounts>> ReadOpenCountsByRegionAsync(ReadScope scope, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<CasePage> ReadPageAsync(CaseListQuery query, ReadScope scope, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<CaseSummary> ReadSummaryAsync(string? regionCode, string? unitCode, ReadScope scope, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<IReadOnlyList<CaseState>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<IReadOnlyList<AgentWorkload>> ReadWorkloadAsync(string unitCode, ReadScope scope, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<(IReadOnlyList<ComplimentCount> ByAgent, IReadOnlyList<ComplimentEntry> Latest)> ReadComplimentsAsync(ReadScope scope, DateTimeOffset since, int limit, CancellationToken cancellationToken = default) =>
        throw Unexpected();

    public virtual Task<WallSnapshot> ReadWallAsync(ReadScope scope, DateTimeOffset todayStart, DateTimeOffset tomorrowStart, int topUnits, CancellationToken cancellationToken = default) =>
        throw Unexpected();

    public virtual Task<OverviewCounts> ReadOverviewAsync(CaseFilter filter, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        throw Unexpected();

    public virtual Task<OverviewTrends> ReadTrendsAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<IReadOnlyList<UnitCounts>> ReadUnitCountsAsync(string regionCode, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        throw Unexpected();

    public virtual Task<AgeBuckets> ReadAgeBucketsAsync(CaseListQuery query, ReadScope scope, DateTimeOffset now, CancellationToken cancellationToken = default) => throw Unexpected();

    private NotSupportedException Unexpected([System.Runtime.CompilerServices.CallerMemberName] string read = "") =>
        new($"{GetType().Name}: the component under test should not call {read}");
}
