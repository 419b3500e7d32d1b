using Dashboard.Core.Cases;
using Dashboard.Core.Sla;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Reads;

/// <summary>The case list: pages of cases by filter and order, and their open ones by age.</summary>
public interface ICaseListReader
{
    /// <summary>A page of cases within the scope, in the query's order.</summary>
    Task<CasePage> ReadPageAsync(CaseListQuery query, ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>The open cases matching a list query (its paging and order aside), by age on <paramref name="now"/>.</summary>
    Task<AgeBuckets> ReadAgeBucketsAsync(CaseListQuery query, ReadScope scope, DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>
/// A page of the case list: the cases a <see cref="CaseFilter"/> matches (narrowing the caller's scope, never widening
/// it), narrowed further by their state, in an order. Pages count from 1. Day filters are local days of each case's own
/// unit, as <see cref="Days"/> tells them.
/// </summary>
public sealed record CaseListQuery(CaseFilter Filter, int Page, int PageSize)
{
    public long Skip => (long)(Page - 1) * PageSize;

    /// <summary>Open (true), closed (false) or either.</summary>
    public bool? Open { get; init; }
    public CaseStatus? Status { get; init; }
    public SlaState? SlaState { get; init; }
    public int? EscalationLevel { get; init; }

    /// <summary>Only cases that went past a deadline on their unit's current day (as of <see cref="Now"/>).</summary>
    public bool BreachedToday { get; init; }

    /// <summary>The instant "today" and the ages are taken from; needed by <see cref="BreachedToday"/>.</summary>
    public DateTimeOffset? Now { get; init; }

    public DayZones Days { get; init; } = DayZones.Utc;

    public CaseSort Sort { get; init; } = CaseSort.Opened;

    /// <summary>Opened sorts newest first unless asked otherwise; the other orders ascend by default.</summary>
    public bool Descending { get; init; } = true;
}

/// <summary>The orders the case list can be read in: a closed set, so no column name ever comes from a caller.</summary>
public enum CaseSort
{
    Opened,
    Due,
    Status,
    Priority,
    EscalationLevel,
}

/// <summary>One page of cases in the query's order (then newest opened first, then case id), and how many match in all.</summary>
public sealed record CasePage(IReadOnlyList<CaseState> Items, int Total);

/// <summary>Open cases by whole days since they were opened (24-hour periods, the same in every zone).</summary>
public sealed record AgeBuckets(int Days0To2, int Days3To7, int Days8To15, int Over15)
{
    public int Total => Days0To2 + Days3To7 + Days8To15 + Over15;
}
