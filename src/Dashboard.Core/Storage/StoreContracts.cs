using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;
using Dashboard.Core.Sla.Calendars;

namespace Dashboard.Core.Storage;

/// <summary>
/// An event as stored: its place in the gap-free global sequence, and the board-relevant state of its case
/// right after it (so a catch-up replays exactly what the live feed showed, without reading the case again).
/// </summary>
public sealed record StoredCaseEvent(
    long Sequence,
    Guid EventId,
    string CaseId,
    CaseEventType Type,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string UnitCode,
    string RegionCode,
    CaseStatus Status,
    bool Complex,
    Priority Priority,
    int EscalationLevel,
    string DataJson);

/// <summary>One event's answer: stored now, or already stored earlier with the same content.</summary>
public sealed record AppendedEvent(Guid EventId, long Sequence, bool Duplicate);

public enum AppendOutcome
{
    Committed,
    /// <summary>An eventId is already stored with different content (409).</summary>
    Conflict,
    /// <summary>A case rule is broken (422).</summary>
    Rejected,
}

public sealed record AppendResult(
    AppendOutcome Outcome,
    IReadOnlyList<AppendedEvent> Results,
    IReadOnlyList<StoredCaseEvent> NewEvents,
    int FailedIndex = -1,
    string? Reason = null)
{
    public static AppendResult Failed(AppendOutcome outcome, int index, string reason) => new(outcome, [], [], index, reason);
}

/// <summary>What one due-case append did: how many due cases it read, and the outcome of each case's planned events.</summary>
public sealed record DueAppendResult(int DueCases, IReadOnlyList<AppendResult> Results);

/// <summary>Open-case counts of one region, for the regions page and the wall.</summary>
public sealed record RegionOpenCounts(string RegionCode, string RegionName, Institution Institution, int Units, int OpenCases, int OpenComplex);

public interface ICatalogueStore
{
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds or updates every row of the snapshot in one transaction.</summary>
    Task UpsertAsync(CatalogueSnapshot catalogue, CancellationToken cancellationToken = default);

    Task<CatalogueSnapshot> ReadAllAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The event log, read-only: what pages, the hub, the API and jobs receive. Appending is the case-event service's
/// alone (<see cref="ICaseEventAppender"/>, which no container hands out).
/// </summary>
public interface ICaseEventLog
{
    /// <summary>The committed end of the log: the last sequence given to an event.</summary>
    Task<long> ReadLastSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>The catch-up feed: events after a sequence, in order, within the scope.</summary>
    Task<IReadOnlyList<StoredCaseEvent>> ReadAfterAsync(long afterSequence, int limit, ReadScope scope, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredCaseEvent>> ReadByCaseAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// For jobs that follow the log (alerts): events of one type after a sequence, at most <paramref name="limit"/>, and
    /// how far the log was read — past the last match when fewer came back, so a quiet type still moves the reader on.
    /// </summary>
    Task<(IReadOnlyList<StoredCaseEvent> Events, long ReadUpTo)> ReadOfTypeAfterAsync(long afterSequence, CaseEventType type, int limit, CancellationToken cancellationToken = default);
}

/// <summary>
/// A page of the case list. Region and unit narrow the caller's scope, never widen it; null means "any".
/// Pages count from 1. Day filters are local days of each case's own unit, as <see cref="Days"/> tells them.
/// </summary>
public sealed record CaseListQuery(string? RegionCode, string? UnitCode, bool? Open, bool? Complex, int Page, int PageSize)
{
    public long Skip => (long)(Page - 1) * PageSize;

    public CaseKind? Kind { get; init; }
    public string? Category { get; init; }
    public Channel? Channel { get; init; }
    public Priority? Priority { get; init; }
    public CaseStatus? Status { get; init; }
    public SlaState? SlaState { get; init; }
    public int? EscalationLevel { get; init; }
    public DateOnly? OpenedFrom { get; init; }
    public DateOnly? OpenedTo { get; init; }

    /// <summary>Only cases that went past a deadline on their unit's current day (as of <see cref="Now"/>).</summary>
    public bool BreachedToday { get; init; }

    /// <summary>The instant "today" and the ages are taken from; needed by <see cref="BreachedToday"/>.</summary>
    public DateTimeOffset? Now { get; init; }

    public DayZones Days { get; init; } = DayZones.Utc;

    public CaseSort Sort { get; init; } = CaseSort.Opened;

    /// <summary>Opened sorts newest first unless asked otherwise; the other orders ascend by default.</summary>
    public bool Descending { get; init; } = true;
}

/// <summary>One page of cases in the query's order (then newest opened first, then case id), and how many match in all.</summary>
public sealed record CasePage(IReadOnlyList<CaseState> Items, int Total);

/// <summary>
/// Case counts within a scope: every status (open and closed alike), and for open cases how many are complex and
/// at each escalation level (0 unit … 3 central committee).
/// </summary>
public sealed record CaseSummary(
    int Open,
    int OpenComplex,
    IReadOnlyDictionary<CaseStatus, int> ByStatus,
    IReadOnlyDictionary<int, int> ByEscalationLevel)
{
    public const int MaxEscalationLevel = 3;
}

/// <summary>The wall's big numbers for one scope: open cases now, and breaches of the scope's own day.</summary>
public sealed record WallCounts(int OpenCases, int OpenComplex, int AtRisk, int Overdue, int BreachedToday, int Level1, int Level2, int Level3);

/// <summary>A unit and how many of its open complex cases are overdue.</summary>
public sealed record UnitOverdue(string UnitCode, string RegionCode, int Cases);

/// <summary>A region's open cases and how many of them are overdue (the wall colours it by the rate).</summary>
public sealed record RegionOverdue(string RegionCode, int OpenCases, int Overdue)
{
    public double OverdueRate => OpenCases == 0 ? 0 : (double)Overdue / OpenCases;
}

/// <summary>Everything a wall reads from the database for its scope, in one snapshot.</summary>
public sealed record WallSnapshot(
    WallCounts Counts,
    TimeSpan? MedianFirstResponseToday,
    IReadOnlyList<UnitOverdue> TopUnits,
    IReadOnlyList<RegionOverdue> Regions);

/// <summary>Compliments for one técnica (agent) of one unit; a compliment registered without a técnica has a null agent.</summary>
public sealed record ComplimentCount(string UnitCode, string? AgentId, int Compliments, DateTimeOffset LastAt);

/// <summary>One compliment as the recognition wall shows it: who and where, never the insured person's words.</summary>
public sealed record ComplimentEntry(string CaseId, string UnitCode, string? AgentId, DateTimeOffset OpenedAt);

/// <summary>One técnica's open cases in a unit (null agent: cases nobody has taken yet).</summary>
public sealed record AgentWorkload(string? AgentId, int OpenCases, int Overdue, int AtRisk);

public interface ICaseStore
{
    Task<CaseState?> ReadByIdAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RegionOpenCounts>> ReadOpenCountsByRegionAsync(ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>A page of cases within the scope, ordered by opened time (newest first), then case id.</summary>
    Task<CasePage> ReadPageAsync(CaseListQuery query, ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>Counts of the cases within the scope, optionally narrowed to a region or unit.</summary>
    Task<CaseSummary> ReadSummaryAsync(string? regionCode, string? unitCode, ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// The SLA sweep's read, for the whole system: open cases whose next deadline is at or before
    /// <paramref name="now"/>, earliest first.
    /// </summary>
    Task<IReadOnlyList<CaseState>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Open cases per técnica of one unit within the scope (empty outside it).</summary>
    Task<IReadOnlyList<AgentWorkload>> ReadWorkloadAsync(string unitCode, ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>The recognition wall: compliments since <paramref name="since"/> per técnica and unit, and the newest ones.</summary>
    Task<(IReadOnlyList<ComplimentCount> ByAgent, IReadOnlyList<ComplimentEntry> Latest)> ReadComplimentsAsync(ReadScope scope, DateTimeOffset since, int limit, CancellationToken cancellationToken = default);

    /// <summary>The wall's numbers within the scope; "today" is [<paramref name="todayStart"/>, <paramref name="tomorrowStart"/>) in the scope's zone.</summary>
    Task<WallSnapshot> ReadWallAsync(ReadScope scope, DateTimeOffset todayStart, DateTimeOffset tomorrowStart, int topUnits, CancellationToken cancellationToken = default);

    /// <summary>
    /// The overview's numbers for a filter within the scope: open cases now and the breaches of each unit's current day
    /// (as of <paramref name="now"/>), among the cases the filter matches.
    /// </summary>
    Task<OverviewCounts> ReadOverviewAsync(CaseFilter filter, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// The overview's charts for the filter's period (<see cref="CaseFilter.OpenedFrom"/> to <see cref="CaseFilter.OpenedTo"/>, both
    /// required): per local day, cases opened, resolved and breached; the cases opened in it per category; and their
    /// median wait for a first response.
    /// </summary>
    Task<OverviewTrends> ReadTrendsAsync(CaseFilter filter, ReadScope scope, DayZones days, CancellationToken cancellationToken = default);

    /// <summary>The units of a region with their open-case numbers, within the scope (none outside it).</summary>
    Task<IReadOnlyList<UnitCounts>> ReadUnitCountsAsync(string regionCode, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The open cases matching a list query (its paging and order aside), by age on <paramref name="now"/>.</summary>
    Task<AgeBuckets> ReadAgeBucketsAsync(CaseListQuery query, ReadScope scope, DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>The days off administrators add to their country's holiday rules.</summary>
public interface IHolidayStore
{
    Task<IReadOnlyList<(Country Country, Holiday Day)>> ReadAllAsync(CancellationToken cancellationToken = default);

    Task UpsertAsync(Country country, Holiday day, CancellationToken cancellationToken = default);

    /// <summary>False when there was no such extra day.</summary>
    Task<bool> DeleteAsync(Country country, DateOnly date, CancellationToken cancellationToken = default);
}
