using Dashboard.Core.Cases;
using Dashboard.Core.Sla;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Reads;

/// <summary>What a wall display reads for its scope.</summary>
public interface IWallReader
{
    /// <summary>
    /// The wall's live numbers and panels within the scope; "today" is [<paramref name="todayStart"/>,
    /// <paramref name="tomorrowStart"/>) in the scope's zone. The second panel follows the scope: regions for a national
    /// or institution wall, units for a region, técnicas for a unit.
    /// </summary>
    Task<WallSnapshot> ReadWallAsync(ReadScope scope, DateTimeOffset todayStart, DateTimeOffset tomorrowStart, int listLength, CancellationToken cancellationToken = default);

    /// <summary>
    /// The big numbers as they stood at <paramref name="at"/> (its day starting at <paramref name="dayStart"/>), with SLA
    /// compliance over the <see cref="WallFigures.CompliancePeriod"/> before it: the wall's compliance figure and, read
    /// for the same hour yesterday and a week ago, its trend marks. Slow next to <see cref="ReadWallAsync"/>; read seldom.
    /// </summary>
    Task<WallFigures> ReadFiguresAtAsync(ReadScope scope, DateTimeOffset at, DateTimeOffset dayStart, CancellationToken cancellationToken = default);
}

/// <summary>Everything a wall reads from the database for its scope, in one snapshot.</summary>
public sealed record WallSnapshot(
    OpenCaseCounts Counts,
    TimeSpan? MedianFirstResponseToday,
    IReadOnlyList<UnitOverdue> TopUnits,
    IReadOnlyList<RegionOverdue> Regions,
    IReadOnlyList<UnitLoad> Units,
    IReadOnlyList<AgentWorkload> Workload,
    IReadOnlyList<DueSoonCase> DueSoon);

/// <summary>A unit and how many of its open complex cases are overdue.</summary>
public sealed record UnitOverdue(string UnitCode, string RegionCode, int Cases);

/// <summary>A region's open cases and how many of them are overdue (the wall colours it by the rate).</summary>
public sealed record RegionOverdue(string RegionCode, int OpenCases, int Overdue)
{
    public double OverdueRate => OpenCases == 0 ? 0 : (double)Overdue / OpenCases;
}

/// <summary>A unit's open work on a region wall.</summary>
public sealed record UnitLoad(string UnitCode, int OpenCases, int Overdue, int AtRisk)
{
    public double OverdueRate => OpenCases == 0 ? 0 : (double)Overdue / OpenCases;
}

/// <summary>An open case counting down to a deadline it has not missed yet: what it is about, never who.</summary>
public sealed record DueSoonCase(string CaseId, string UnitCode, CaseKind Kind, string Category, Priority Priority, bool Complex, SlaClockKind Clock, DateTimeOffset DueAt);

/// <summary>The wall's big numbers at one instant, and SLA compliance over the period before it.</summary>
public sealed record WallFigures(int OpenCases, int OpenComplex, int AtRisk, int Overdue, int BreachedToday, TimeSpan? MedianFirstResponse, SlaCompliance Compliance)
{
    /// <summary>The compliance figure covers the seven days before the instant: a whole week, so weekdays weigh alike.</summary>
    public static readonly TimeSpan CompliancePeriod = TimeSpan.FromDays(7);

    /// <summary>How far before the period cases are looked for: the longest legal deadline (30 business days) and more.</summary>
    public static readonly TimeSpan LongestClock = TimeSpan.FromDays(90);
}

/// <summary>Of the SLA clocks decided in a period (met or breached), how many were met on time.</summary>
public sealed record SlaCompliance(int Met, int Decided)
{
    public double? Share => Decided == 0 ? null : (double)Met / Decided;
}
