using Dashboard.Core.Cases;

namespace Dashboard.Core.Storage;

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
    public DateOnly? OpenedFrom { get; init; }
    public DateOnly? OpenedTo { get; init; }
}

/// <summary>
/// How a read turns instants into days: each time zone the units use, as its UTC offset in minutes at one instant
/// (the read's "now"). A case's day is the day on its own unit's clock; a unit whose zone is missing counts in UTC.
/// </summary>
/// <remarks>
/// One offset per zone for the whole period keeps the day arithmetic inside SQL (neither SQLite nor SQL Server knows
/// IANA zones). Mexico and Peru have no daylight saving time; in a zone that has it (Baja California) the cases of the
/// one or two hours around a change inside the period fall into the neighbouring day.
/// </remarks>
public sealed record DayZones(IReadOnlyDictionary<string, int> OffsetMinutes)
{
    public static DayZones Utc { get; } = new(new Dictionary<string, int>());

    public static DayZones At(IEnumerable<string> zoneIds, DateTimeOffset instant) =>
        new(zoneIds.Distinct(StringComparer.Ordinal).ToDictionary(
            id => id,
            id => (int)TimeZoneInfo.FindSystemTimeZoneById(id).GetUtcOffset(instant).TotalMinutes,
            StringComparer.Ordinal));

    private int MaxOffset => OffsetMinutes.Count == 0 ? 0 : Math.Max(0, OffsetMinutes.Values.Max());

    private int MinOffset => OffsetMinutes.Count == 0 ? 0 : Math.Min(0, OffsetMinutes.Values.Min());

    /// <summary>The first instant at which <paramref name="day"/> has begun in some zone: a lower bound for an index range.</summary>
    public DateTimeOffset EarliestStart(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(-MaxOffset);

    /// <summary>The instant at which <paramref name="day"/> has ended in every zone: an upper bound for an index range.</summary>
    public DateTimeOffset LatestEnd(DateOnly day) => new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(-MinOffset);
}

/// <summary>The overview's big numbers for a filter: open cases now (by escalation level too) and breaches of each unit's own day.</summary>
public sealed record OverviewCounts(int OpenCases, int OpenComplex, int AtRisk, int Overdue, int BreachedToday, int Level1, int Level2, int Level3);

/// <summary>One day of the overview's trend: cases opened and resolved that day, and cases that went past a deadline.</summary>
public sealed record DayTrend(DateOnly Day, int Opened, int Resolved, int Breached);

/// <summary>Cases of one category opened in the period, and how many of them are still open.</summary>
public sealed record CategoryCount(string Category, int Cases, int Open);

/// <summary>
/// The overview's charts for a period: every day of it (zero days included), the categories (most cases first), and the
/// median wait for a first response of the cases opened in it (null when none has had one).
/// </summary>
public sealed record OverviewTrends(IReadOnlyList<DayTrend> Days, IReadOnlyList<CategoryCount> Categories, TimeSpan? MedianFirstResponse);

/// <summary>A unit's open cases as its region's page shows them; <see cref="OldestOpenedAt"/> is null when nothing is open.</summary>
public sealed record UnitCounts(
    string UnitCode,
    string UnitName,
    int OpenCases,
    int OpenComplex,
    int AtRisk,
    int Overdue,
    int BreachedToday,
    DateTimeOffset? OldestOpenedAt);

/// <summary>Open cases by whole days since they were opened (24-hour periods, the same in every zone).</summary>
public sealed record AgeBuckets(int Days0To2, int Days3To7, int Days8To15, int Over15)
{
    public int Total => Days0To2 + Days3To7 + Days8To15 + Over15;
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
