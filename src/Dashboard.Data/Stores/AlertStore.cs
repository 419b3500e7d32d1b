using Dapper;
using Dashboard.Core.Alerts;
using Dashboard.Core.Storage;

namespace Dashboard.Data.Stores;

/// <summary>Escalation alerts and the alert job's checkpoint; uniqueness per (case, level, channel) lives in the schema.</summary>
public sealed class AlertStore(ConnectionFactory connections, SqlScripts sql) : IAlertStore
{
    public async Task<long> ReadCheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql["AlertCheckpoint_Read"], cancellationToken: cancellationToken));
    }

    public async Task CreateAsync(IReadOnlyList<NewAlert> alerts, long checkpoint, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = alerts.Select(a => new
        {
            a.CaseId, a.Level, a.Channel, a.UnitCode, a.RegionCode, a.Critical, a.EscalatedSequence, a.EscalatedAt, a.Reason, a.Recipients,
            Status = a.Status.ToString(), a.HeldUntil, Now = now,
        }).ToArray();
        if (rows.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["Alert_Insert"], rows, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(sql["AlertCheckpoint_Update"], new { LastSequence = checkpoint }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<Alert>> ReadDeliverableAsync(DateTimeOffset now, DateTimeOffset requeueBefore, CancellationToken cancellationToken = default) =>
        QueryAsync("Alert_ReadDeliverable", new { Now = now, RequeueBefore = requeueBefore }, cancellationToken);

    public async Task MarkQueuedAsync(IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["Alert_MarkQueued"], ids.Select(id => new { Id = id, Now = now }).ToArray(), cancellationToken: cancellationToken));
    }

    public async Task<Alert?> ReadAsync(long id, CancellationToken cancellationToken = default) =>
        (await QueryAsync("Alert_ReadById", new { Id = id }, cancellationToken)).SingleOrDefault();

    public Task MarkSentAsync(long id, DateTimeOffset now, DateTimeOffset? nextReminder, CancellationToken cancellationToken = default) =>
        ExecuteAsync("Alert_MarkSent", new { Id = id, Now = now, NextReminder = nextReminder }, cancellationToken);

    public Task MarkFailedAttemptAsync(long id, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ExecuteAsync("Alert_MarkFailedAttempt", new { Id = id, Error = error.Length > 2000 ? error[..2000] : error }, cancellationToken);
    }

    public Task ScheduleReminderAsync(long id, DateTimeOffset next, bool counted, CancellationToken cancellationToken = default) =>
        ExecuteAsync("Alert_ScheduleReminder", new { Id = id, Next = next, Counted = counted ? 1 : 0 }, cancellationToken);

    public Task ForgetQueuedAsync(CancellationToken cancellationToken = default) => ExecuteAsync("Alert_ForgetQueued", new { }, cancellationToken);

    public Task<IReadOnlyList<Alert>> ReadRemindersDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        QueryAsync("Alert_ReadRemindersDue", new { Now = now }, cancellationToken);

    public Task<IReadOnlyList<Alert>> ListAsync(ReadScope scope, bool unacknowledgedOnly, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return QueryAsync("Alert_ReadLatestInApp", new { ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode, UnacknowledgedOnly = unacknowledgedOnly ? 1 : 0, Limit = limit }, cancellationToken);
    }

    public async Task<bool> AcknowledgeAsync(long id, string by, DateTimeOffset now, ReadScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var parameters = new { Id = id, By = by, Now = now, ScopeInstitution = scope.Institution, ScopeRegionCode = scope.RegionCode, ScopeUnitCode = scope.UnitCode };
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql["Alert_ReadCountInScope"], parameters, cancellationToken: cancellationToken)) == 0)
        {
            return false;
        }

        // Already acknowledged is still a success: acknowledging is idempotent.
        await connection.ExecuteAsync(new CommandDefinition(sql["Alert_Acknowledge"], parameters, cancellationToken: cancellationToken));
        return true;
    }

    private async Task<IReadOnlyList<Alert>> QueryAsync(string name, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertRow>(new CommandDefinition(sql[name], parameters, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAlert()).ToArray();
    }

    private async Task ExecuteAsync(string name, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql[name], parameters, cancellationToken: cancellationToken));
    }

    private sealed class AlertRow
    {
        public long Id { get; set; }
        public string CaseId { get; set; } = "";
        public int Level { get; set; }
        public string Channel { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public string RegionCode { get; set; } = "";
        public bool Critical { get; set; }
        public long EscalatedSequence { get; set; }
        public DateTimeOffset EscalatedAt { get; set; }
        public string Reason { get; set; } = "";
        public string? Recipients { get; set; }
        public string Status { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? SentAt { get; set; }
        public DateTimeOffset? HeldUntil { get; set; }
        public int Attempts { get; set; }
        public string? LastError { get; set; }
        public DateTimeOffset? AcknowledgedAt { get; set; }
        public string? AcknowledgedBy { get; set; }
        public DateTimeOffset? NextReminderAt { get; set; }
        public int Reminders { get; set; }

        public Alert ToAlert() => new(Id, CaseId, Level, Channel, UnitCode, RegionCode, Critical, EscalatedSequence, EscalatedAt, Reason, Recipients,
            Enum.Parse<AlertStatus>(Status), CreatedAt, SentAt, HeldUntil, Attempts, LastError, AcknowledgedAt, AcknowledgedBy, NextReminderAt, Reminders);
    }
}
