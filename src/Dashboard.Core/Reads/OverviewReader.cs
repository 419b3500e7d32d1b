using Dashboard.Core.Cases;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Reads;

/// <summary>The overview: the big numbers for a filter, and the period's trends.</summary>
public interface IOverviewReader
{
    /// <summary>
    /// Open cases now and the breaches of each unit's current day (as of <paramref name="now"/>), among the cases the
    /// filter matches within the scope.
    /// </summary>
    Task<OpenCaseCounts> ReadOverviewAsync(CaseFilter filter, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// The charts for the filter's period (<see cref="CaseFilter.OpenedFrom"/> to <see cref="CaseFilter.OpenedTo"/>, both
    /// required): per local day, cases opened, resolved and breached; the cases opened in it per category; and their
    /// median wait for a first response.
    /// </summary>
    Task<OverviewTrends> ReadTrendsAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default);
}

/// <summary>
/// What the overview filters by; null means "any". Like every filter it narrows the reader's scope, never widens it.
/// <see cref="OpenedFrom"/> and <see cref="OpenedTo"/> are local days of each case's own unit (both included).
/// </summary>
public sealed record CaseFilter
{
    public static CaseFilter None { get; } = new();

    public string? RegionCode { get; init; }
    public string? UnitCode { get; init; }
    public CaseKind? Kind { get; init; }
    public string? Category { get; init; }
    public Channel? Channel { get; init; }
    public Priority? Priority { get; init; }
    public bool? Complex { get; init; }

    /// <summary>The staff role the cases are about (a code of the institution's classification).</summary>
    public string? StaffRole { get; init; }

    /// <summary>The attention module where the cases were registered.</summary>
    public string? ModuleCode { get; init; }
    public DateOnly? OpenedFrom { get; init; }
    public DateOnly? OpenedTo { get; init; }
}

/// <summary>One day of the overview's trend: cases opened and resolved that day, and cases that went past a deadline.</summary>
public sealed record DayTrend(DateOnly Day, int Opened, int Resolved, int Breached);

/// <summary>Cases of one category opened in the period, and how many of them are still open.</summary>
public sealed record CategoryCount(string Category, int Cases, int Open);

/// <summary>
/// The overview's charts for a period: every day of it (zero days included), the categories (most cases first), and the
/// median wait for a first response of the cases opened in it (null when none has had one).
/// </summary>
public sealed record OverviewTrends(IReadOnlyList<DayTrend> Days, IReadOnlyList<CategoryCount> Categories, TimeSpan? MedianFirstResponse)
{
    /// <summary>
    /// Set when the median was read from the daily counters, which keep each wait only as a bucket: the median lies in
    /// this range (<see cref="MedianFirstResponse"/> is then its lower end). Null when the median is exact.
    /// </summary>
    public WaitRange? MedianFirstResponseRange { get; init; }
}

/// <summary>A range of waits, from <paramref name="From"/> up to (not including) <paramref name="Before"/>; no end when open.</summary>
public sealed record WaitRange(TimeSpan From, TimeSpan? Before);
