using Dashboard.Core.Storage;

namespace Dashboard.Core.Reads;

/// <summary>What a wall display reads for its scope, in one snapshot.</summary>
public interface IWallReader
{
    /// <summary>The wall's numbers within the scope; "today" is [<paramref name="todayStart"/>, <paramref name="tomorrowStart"/>) in the scope's zone.</summary>
    Task<WallSnapshot> ReadWallAsync(ReadScope scope, DateTimeOffset todayStart, DateTimeOffset tomorrowStart, int topUnits, CancellationToken cancellationToken = default);
}

/// <summary>Everything a wall reads from the database for its scope, in one snapshot.</summary>
public sealed record WallSnapshot(
    OpenCaseCounts Counts,
    TimeSpan? MedianFirstResponseToday,
    IReadOnlyList<UnitOverdue> TopUnits,
    IReadOnlyList<RegionOverdue> Regions);

/// <summary>A unit and how many of its open complex cases are overdue.</summary>
public sealed record UnitOverdue(string UnitCode, string RegionCode, int Cases);

/// <summary>A region's open cases and how many of them are overdue (the wall colours it by the rate).</summary>
public sealed record RegionOverdue(string RegionCode, int OpenCases, int Overdue)
{
    public double OverdueRate => OpenCases == 0 ? 0 : (double)Overdue / OpenCases;
}
