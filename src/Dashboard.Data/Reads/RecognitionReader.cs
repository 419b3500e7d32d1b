using Dapper;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>Compliments by técnica and the newest ones.</summary>
public sealed class RecognitionReader(ConnectionFactory connections, SqlScripts sql) : IRecognitionReader
{
    public async Task<(IReadOnlyList<ComplimentCount> ByAgent, IReadOnlyList<ComplimentEntry> Latest)> ReadComplimentsAsync(
        ReadScope scope, DateTimeOffset since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var parameters = new { ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode, Since = since, Limit = limit };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var byAgent = await connection.QueryAsync<ComplimentCountRow>(new CommandDefinition(sql["Case_ReadComplimentsByAgent"], parameters, cancellationToken: cancellationToken));
        var latest = await connection.QueryAsync<ComplimentEntryRow>(new CommandDefinition(sql["Case_ReadLatestCompliments"], parameters, cancellationToken: cancellationToken));
        return (byAgent.Select(r => new ComplimentCount(r.UnitCode, r.AgentId, r.Compliments, r.LastAt)).ToArray(),
            latest.Select(r => new ComplimentEntry(r.CaseId, r.UnitCode, r.AgentId, r.OpenedAt)).ToArray());
    }

    private sealed class ComplimentCountRow
    {
        public string UnitCode { get; set; } = "";
        public string? AgentId { get; set; }
        public int Compliments { get; set; }
        public DateTimeOffset LastAt { get; set; }
    }

    private sealed class ComplimentEntryRow
    {
        public string CaseId { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public string? AgentId { get; set; }
        public DateTimeOffset OpenedAt { get; set; }
    }
}
