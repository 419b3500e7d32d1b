using Dapper;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>Regions' open cases and a region's units.</summary>
public sealed class RegionReader(ConnectionFactory connections, SqlScripts sql) : IRegionReader
{
    public async Task<IReadOnlyList<RegionOpenCounts>> ReadOpenCountsByRegionAsync(ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RegionCountsRow>(new CommandDefinition(sql["Case_ReadOpenCountsByRegion"],
            new { ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new RegionOpenCounts(r.RegionCode, r.RegionName, new Institution(r.Institution), r.Units, r.OpenCases, r.OpenComplex)).ToArray();
    }

    public async Task<IReadOnlyList<UnitCounts>> ReadUnitCountsAsync(string regionCode, ReadScope scope, DayZones days, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(days);
        var parameters = new
        {
            RegionCode = regionCode,
            ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode,
            ScopeUnitCode = scope.UnitCode,
            ZoneOffsets = CaseFilterParameters.ZoneOffsetsJson(days),
            Now = now,
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitCountsRow>(new CommandDefinition(sql["Case_ReadUnitCounts"], parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new UnitCounts(r.UnitCode, r.UnitName, r.OpenCases, r.OpenComplex, r.AtRisk, r.Overdue, r.BreachedToday, r.OldestOpenedAt)).ToArray();
    }

    private sealed class RegionCountsRow
    {
        public string RegionCode { get; set; } = "";
        public string RegionName { get; set; } = "";
        public string Institution { get; set; } = "";
        public int Units { get; set; }
        public int OpenCases { get; set; }
        public int OpenComplex { get; set; }
    }

    private sealed class UnitCountsRow
    {
        public string UnitCode { get; set; } = "";
        public string UnitName { get; set; } = "";
        public int OpenCases { get; set; }
        public int OpenComplex { get; set; }
        public int AtRisk { get; set; }
        public int Overdue { get; set; }
        public int BreachedToday { get; set; }
        public DateTimeOffset? OldestOpenedAt { get; set; }
    }
}
