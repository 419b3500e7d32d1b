using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>Compliments per praised person, per unit and region, and the newest ones, over a period and within a scope.</summary>
public sealed class RecognitionReader(ConnectionFactory connections, SqlScripts sql) : IRecognitionReader
{
    public async Task<RecognitionBoard> ReadRecognitionAsync(ReadScope scope, DateTimeOffset from, DateTimeOffset to, int limit, bool agentsOnly = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = new
        {
            ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode,
            From = from, To = to, Limit = limit, AgentsOnly = agentsOnly ? 1 : 0,
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var people = await connection.QueryAsync<PraisedRow>(new CommandDefinition(sql["Case_ReadPraisedStaff"], parameters, cancellationToken: cancellationToken));
        var units = (await connection.QueryAsync<UnitRow>(new CommandDefinition(sql["Case_ReadComplimentsByUnit"], parameters, cancellationToken: cancellationToken))).ToArray();
        var latest = await connection.QueryAsync<EntryRow>(new CommandDefinition(sql["Case_ReadLatestCompliments"], parameters, cancellationToken: cancellationToken));

        // Regions are their units summed: a few hundred rows at most, already scoped by the query.
        var regions = units.GroupBy(u => u.RegionCode, StringComparer.Ordinal)
            .Select(g => new ComplimentTotals(g.Key, g.Sum(u => u.Compliments), g.Sum(u => u.Unidentified)))
            .OrderByDescending(r => r.Compliments).ThenBy(r => r.Code, StringComparer.Ordinal).ToArray();
        return new RecognitionBoard(
            people.Select(r => new PraisedCount(r.UnitCode, r.RegionCode, r.AgentId, r.Name, r.Role, r.Compliments, r.LastAt)).ToArray(),
            units.Select(u => new ComplimentTotals(u.UnitCode, u.Compliments, u.Unidentified))
                .OrderByDescending(u => u.Compliments).ThenBy(u => u.Code, StringComparer.Ordinal).ToArray(),
            regions,
            latest.Select(r => new ComplimentEntry(r.CaseId, r.UnitCode,
                r.AgentId is not null || r.Name is not null ? new PraisedStaff(r.AgentId, r.Name, r.Role) : null, r.OpenedAt)).ToArray());
    }

    private sealed class PraisedRow
    {
        public string UnitCode { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public string? AgentId { get; set; }
        public string? Name { get; set; }
        public string? Role { get; set; }
        public int Compliments { get; set; }
        public DateTimeOffset LastAt { get; set; }
    }

    private sealed class UnitRow
    {
        public string UnitCode { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public int Compliments { get; set; }
        public int Unidentified { get; set; }
    }

    private sealed class EntryRow
    {
        public string CaseId { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public string? AgentId { get; set; }
        public string? Name { get; set; }
        public string? Role { get; set; }
        public DateTimeOffset OpenedAt { get; set; }
    }
}
