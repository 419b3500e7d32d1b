using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>The event log as pages, the hub, the API and jobs read it: never a write.</summary>
public sealed class CaseEventLog(ConnectionFactory connections, SqlScripts sql) : ICaseEventLog
{
    public async Task<long> ReadLastSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql["EventSequence_Read"], cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<StoredCaseEvent>> ReadAfterAsync(long afterSequence, int limit, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseEventRow>(new CommandDefinition(sql["CaseEvent_ReadAfter"],
            new { AfterSequence = afterSequence, Limit = limit, ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStored()).ToArray();
    }

    public async Task<(IReadOnlyList<StoredCaseEvent> Events, long ReadUpTo)> ReadOfTypeAfterAsync(long afterSequence, CaseEventType type, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // The committed end of the log first: every event up to it is visible, so reading to it skips nothing.
        var upTo = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql["EventSequence_Read"], cancellationToken: cancellationToken));
        var rows = (await connection.QueryAsync<CaseEventRow>(new CommandDefinition(sql["CaseEvent_ReadOfTypeBetween"],
            new { AfterSequence = afterSequence, UpToSequence = upTo, Type = type.ToString(), Limit = limit }, cancellationToken: cancellationToken))).ToArray();
        return (rows.Select(r => r.ToStored()).ToArray(), rows.Length == limit ? rows[^1].Sequence : Math.Max(upTo, afterSequence));
    }

    public async Task<IReadOnlyList<StoredCaseEvent>> ReadByCaseAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseEventRow>(new CommandDefinition(sql["CaseEvent_ReadByCase"],
            new { CaseId = caseId, ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStored()).ToArray();
    }
}
