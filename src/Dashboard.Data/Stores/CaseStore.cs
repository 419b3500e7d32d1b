using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>Reads of the case projection, always filtered by the caller's scope in the query.</summary>
public sealed class CaseStore(ConnectionFactory connections, SqlScripts sql) : ICaseStore
{
    public async Task<CaseState?> ReadByIdAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(sql["Case_ReadById"],
            new { CaseId = caseId, scope.RegionCode, scope.UnitCode }, cancellationToken: cancellationToken));
        return row?.ToState();
    }

    public async Task<IReadOnlyList<RegionOpenCounts>> ReadOpenCountsByRegionAsync(ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RegionCountsRow>(new CommandDefinition(sql["Case_ReadOpenCountsByRegion"],
            new { scope.RegionCode, scope.UnitCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new RegionOpenCounts(r.RegionCode, r.RegionName, Enum.Parse<Institution>(r.Institution), r.Units, r.OpenCases, r.OpenComplex)).ToArray();
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
}
