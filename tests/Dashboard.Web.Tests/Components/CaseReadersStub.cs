using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Components;

/// <summary>Every case reader for component tests: each fake overrides the reads its page makes; any other read fails the test.</summary>
public abstract class CaseReadersStub : ICaseReader, ICaseListReader, IOverviewReader, IWallReader, IRegionReader, IWorkloadReader, IRecognitionReader, IStaffRoleReader, IComplaintReader
{
    public virtual Task<CaseState?> ReadByIdAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<IReadOnlyList<RegionOpenCounts>> ReadOpenCountsByRegionAsync(ReadScope scope, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<CasePage> ReadPageAsync(CaseListQuery query, ReadScope scope, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<CaseSummary> ReadSummaryAsync(string? regionCode, string? unitCode, ReadScope scope, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<IReadOnlyList<CaseState>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<IReadOnlyList<AgentWorkload>> ReadWorkloadAsync(string unitCode, ReadScope scope, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<RecognitionBoard> ReadRecognitionAsync(ReadScope scope, DateTimeOffset from, DateTimeOffset to, int limit, bool agentsOnly = false, CancellationToken cancellationToken = default) =>
        throw Unexpected();

    public virtual Task<WallSnapshot> ReadWallAsync(ReadScope scope, DateTimeOffset todayStart, DateTimeOffset tomorrowStart, int listLength, CancellationToken cancellationToken = default) =>
        throw Unexpected();

    public virtual Task<WallFigures> ReadFiguresAtAsync(ReadScope scope, DateTimeOffset at, DateTimeOffset dayStart, CancellationToken cancellationToken = default) =>
        throw Unexpected();

    public virtual Task<OpenCaseCounts> ReadOverviewAsync(CaseFilter filter, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        throw Unexpected();

    public virtual Task<OverviewTrends> ReadTrendsAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<IReadOnlyList<UnitCounts>> ReadUnitCountsAsync(string regionCode, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        throw Unexpected();

    public virtual Task<AgeBuckets> ReadAgeBucketsAsync(CaseListQuery query, ReadScope scope, DateTimeOffset now, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<IReadOnlyList<StaffRoleCount>> ReadCountsByStaffRoleAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default) =>
        throw Unexpected();

    public virtual Task<IReadOnlyList<StaffRoleDay>> ReadComplaintsPerStaffRoleDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default) =>
        throw Unexpected();

    public virtual Task<IReadOnlyList<DayComplaints>> ReadPerDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default) =>
        throw Unexpected();

    public virtual Task<DateTimeOffset?> ReadFirstOpenedAsync(ReadScope scope, CancellationToken cancellationToken = default) => throw Unexpected();

    public virtual Task<IReadOnlyList<UnitDayComplaints>> ReadPerUnitDayAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default) =>
        throw Unexpected();

    private NotSupportedException Unexpected([System.Runtime.CompilerServices.CallerMemberName] string read = "") =>
        new($"{GetType().Name}: the component under test should not call {read}");
}

/// <summary>Registers one stub as every case reader a page may inject.</summary>
public static class CaseReaderRegistration
{
    public static IServiceCollection AddCaseReaders(this IServiceCollection services, CaseReadersStub stub) => services
        .AddSingleton<ICaseReader>(stub).AddSingleton<ICaseListReader>(stub).AddSingleton<IOverviewReader>(stub).AddSingleton<IWallReader>(stub)
        .AddSingleton<IRegionReader>(stub).AddSingleton<IWorkloadReader>(stub).AddSingleton<IRecognitionReader>(stub)
        .AddSingleton<IStaffRoleReader>(stub).AddSingleton<IComplaintReader>(stub);
}
