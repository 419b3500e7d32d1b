using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Data.Stores;

namespace Dashboard.Data.Reads;

/// <summary>One case, the sweep's due cases and the API's counts, always within the caller's scope in the query.</summary>
public sealed class CaseReader(ConnectionFactory connections, SqlScripts sql) : ICaseReader
{
    public async Task<CaseState?> ReadByIdAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await CaseRow.QueryAsync(connection, new CommandDefinition(sql["Case_ReadById"],
            new { CaseId = caseId, ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode }, cancellationToken: cancellationToken));
        return rows.SingleOrDefault()?.ToState();
    }

    public async Task<IReadOnlyList<CaseState>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await CaseRow.QueryAsync(connection, new CommandDefinition(sql["Case_ReadDue"], new { Now = now, Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToState()).ToArray();
    }

    public async Task<CaseSummary> ReadSummaryAsync(string? regionCode, string? unitCode, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await CaseCounts.ReadAsync(connection, sql, scope, regionCode, unitCode, cancellationToken);

        // Every status and level is present, zero or not, so a reader never has to tell "none" from "unknown".
        var byStatus = Enum.GetValues<CaseStatus>().ToDictionary(s => s, _ => 0);
        var byLevel = Enumerable.Range(0, CaseSummary.MaxEscalationLevel + 1).ToDictionary(l => l, _ => 0);
        int open = 0, openComplex = 0;
        foreach (var row in rows)
        {
            var status = row.CaseStatus;
            byStatus[status] += row.Cases;
            if (status.IsOpen())
            {
                open += row.Cases;
                openComplex += row.Complex ? row.Cases : 0;
                byLevel[row.EscalationLevel] = byLevel.GetValueOrDefault(row.EscalationLevel) + row.Cases;
            }
        }

        return new CaseSummary(open, openComplex, byStatus, byLevel);
    }
}
