using Dapper;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Reads;

/// <summary>A unit's técnicas and their open cases.</summary>
public sealed class WorkloadReader(ConnectionFactory connections, SqlScripts sql) : IWorkloadReader
{
    public async Task<IReadOnlyList<AgentWorkload>> ReadWorkloadAsync(string unitCode, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WorkloadRow>(new CommandDefinition(sql["Case_ReadWorkload"],
            new { UnitCode = unitCode, ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new AgentWorkload(r.AgentId, r.OpenCases, r.Overdue, r.AtRisk)).ToArray();
    }

    private sealed class WorkloadRow
    {
        public string? AgentId { get; set; }
        public int OpenCases { get; set; }
        public int Overdue { get; set; }
        public int AtRisk { get; set; }
    }
}
