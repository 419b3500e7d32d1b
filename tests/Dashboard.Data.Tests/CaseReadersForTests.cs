using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Data.Reads;

namespace Dashboard.Data.Tests;

/// <summary>Every reader of the case projection behind one name, for store tests and benchmarks that read several.</summary>
public sealed class CaseReadersForTests(ConnectionFactory connections, SqlScripts sql)
    : ICaseReader, ICaseListReader, IOverviewReader, IWallReader, IRegionReader, IWorkloadReader, IRecognitionReader, IStaffRoleReader, IComplaintReader
{
    private readonly CaseReader _cases = new(connections, sql);
    private readonly CaseListReader _list = new(connections, sql);
    private readonly OverviewReader _overview = new(connections, sql);
    private readonly WallReader _wall = new(connections, sql);
    private readonly RegionReader _regions = new(connections, sql);
    private readonly WorkloadReader _workload = new(connections, sql);
    private readonly RecognitionReader _recognition = new(connections, sql);
    private readonly StaffRoleReader _staffRoles = new(connections, sql);
    private readonly ComplaintReader _complaints = new(connections, sql);

    public Task<CaseState?> ReadByIdAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default) => _cases.ReadByIdAsync(caseId, scope, cancellationToken);

    public Task<IReadOnlyList<CaseState>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) => _cases.ReadDueAsync(now, limit, cancellationToken);

    public Task<CaseSummary> ReadSummaryAsync(string? regionCode, string? unitCode, ReadScope scope, CancellationToken cancellationToken = default) =>
        _cases.ReadSummaryAsync(regionCode, unitCode, scope, cancellationToken);

    public Task<CasePage> ReadPageAsync(CaseListQuery query, ReadScope scope, CancellationToken cancellationToken = default) => _list.ReadPageAsync(query, scope, cancellationToken);

    public Task<AgeBuckets> ReadAgeBucketsAsync(CaseListQuery query, ReadScope scope, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _list.ReadAgeBucketsAsync(query, scope, now, cancellationToken);

    public Task<OpenCaseCounts> ReadOverviewAsync(CaseFilter filter, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _overview.ReadOverviewAsync(filter, scope, days, now, cancellationToken);

    public Task<OverviewTrends> ReadTrendsAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default) =>
        _overview.ReadTrendsAsync(filter, scope, days, cancellationToken);

    public Task<WallSnapshot> ReadWallAsync(ReadScope scope, DateTimeOffset todayStart, DateTimeOffset tomorrowStart, int listLength, CancellationToken cancellationToken = default) =>
        _wall.ReadWallAsync(scope, todayStart, tomorrowStart, listLength, cancellationToken);

    public Task<WallFigures> ReadFiguresAtAsync(ReadScope scope, DateTimeOffset at, DateTimeOffset dayStart, CancellationToken cancellationToken = default) =>
        _wall.ReadFiguresAtAsync(scope, at, dayStart, cancellationToken);

    public Task<IReadOnlyList<RegionOpenCounts>> ReadOpenCountsByRegionAsync(ReadScope scope, CancellationToken cancellationToken = default) =>
        _regions.ReadOpenCountsByRegionAsync(scope, cancellationToken);

    public Task<IReadOnlyList<UnitCounts>> ReadUnitCountsAsync(string regionCode, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _regions.ReadUnitCountsAsync(regionCode, scope, days, now, cancellationToken);

    public Task<IReadOnlyList<AgentWorkload>> ReadWorkloadAsync(string unitCode, ReadScope scope, CancellationToken cancellationToken = default) =>
        _workload.ReadWorkloadAsync(unitCode, scope, cancellationToken);

    public Task<RecognitionBoard> ReadRecognitionAsync(ReadScope scope, DateTimeOffset from, DateTimeOffset to, int limit, bool agentsOnly = false,
        CancellationToken cancellationToken = default) => _recognition.ReadRecognitionAsync(scope, from, to, limit, agentsOnly, cancellationToken);

    public Task<IReadOnlyList<StaffRoleCount>> ReadCountsByStaffRoleAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default) =>
        _staffRoles.ReadCountsByStaffRoleAsync(filter, scope, days, cancellationToken);

    public Task<IReadOnlyList<StaffRoleDay>> ReadComplaintsPerStaffRoleDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default) =>
        _staffRoles.ReadComplaintsPerStaffRoleDayAsync(filter, scope, days, cancellationToken);

    public Task<IReadOnlyList<DayComplaints>> ReadPerDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default) =>
        _complaints.ReadPerDayAsync(filter, scope, days, cancellationToken);

    public Task<DateTimeOffset?> ReadFirstOpenedAsync(ReadScope scope, CancellationToken cancellationToken = default) =>
        _complaints.ReadFirstOpenedAsync(scope, cancellationToken);

    public Task<IReadOnlyList<UnitDayComplaints>> ReadPerUnitDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default) =>
        _complaints.ReadPerUnitDayAsync(filter, scope, days, cancellationToken);
}
