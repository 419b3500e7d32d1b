using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Data.Stores;

namespace Dashboard.Data.Reads;

/// <summary>A técnica's open cases and her unit's untaken new ones, always within the caller's scope in the query.</summary>
public sealed class MyCasesReader(ConnectionFactory connections, SqlScripts sql) : IMyCasesReader
{
    public async Task<IReadOnlyList<CaseState>> ReadAssignedOpenAsync(string agentId, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await CaseRow.QueryAsync(connection, new CommandDefinition(sql["Case_ReadAssignedOpen"],
            new { AgentId = agentId, ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToState()).ToArray();
    }

    public async Task<IReadOnlyList<CaseState>> ReadUnassignedNewAsync(ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var parameters = new { ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode };
        var rows = await CaseRow.QueryAsync(connection, new CommandDefinition(sql.For("Case_ReadUnassignedNew", parameters), parameters, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToState()).ToArray();
    }
}
