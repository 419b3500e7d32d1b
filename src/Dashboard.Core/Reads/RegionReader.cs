using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Reads;

/// <summary>The drill-down's first steps: every region's open cases, and one region's units.</summary>
public interface IRegionReader
{
    Task<IReadOnlyList<RegionOpenCounts>> ReadOpenCountsByRegionAsync(ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>The units of a region with their open-case numbers, within the scope (none outside it).</summary>
    Task<IReadOnlyList<UnitCounts>> ReadUnitCountsAsync(string regionCode, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>Open-case counts of one region, for the regions page and the wall.</summary>
public sealed record RegionOpenCounts(string RegionCode, string RegionName, Institution Institution, int Units, int OpenCases, int OpenComplex);

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
