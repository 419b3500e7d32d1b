using Dapper;
using Dashboard.Core.Access;

namespace Dashboard.Data.Stores;

/// <summary>Appends to and reads the audit log; the schema's triggers refuse updates and deletes.</summary>
public sealed class AuditStore(ConnectionFactory connections, SqlScripts sql) : IAuditStore
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["Audit_Insert"], new
        {
            entry.At, entry.Actor, entry.Role, entry.Scope, Action = entry.Action.ToString(), entry.CaseId, Outcome = entry.Outcome.ToString(),
            entry.CorrelationId, entry.Detail,
        }, cancellationToken: cancellationToken));
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string? caseId, string? actor, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync("Audit_ReadLatest", new { CaseId = caseId, Actor = actor, Limit = limit }, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> ListForInsuredAsync(string insuredId, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync("Audit_ReadLatestForInsured", new { InsuredId = insuredId, Limit = limit }, cancellationToken);

    private async Task<IReadOnlyList<AuditEntry>> QueryAsync(string script, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(sql[script], parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new AuditEntry(r.At, r.Actor, r.Role, r.Scope, Enum.Parse<AuditAction>(r.Action), r.CaseId, Enum.Parse<AuditOutcome>(r.Outcome),
            r.CorrelationId, r.Detail) { Id = r.Id }).ToArray();
    }

    private sealed class AuditRow
    {
        public long Id { get; set; }
        public DateTimeOffset At { get; set; }
        public string Actor { get; set; } = "";
        public string Role { get; set; } = "";
        public string Scope { get; set; } = "";
        public string Action { get; set; } = "";
        public string? CaseId { get; set; }
        public string Outcome { get; set; } = "";
        public string CorrelationId { get; set; } = "";
        public string? Detail { get; set; }
    }
}
