using Dapper;
using Dashboard.Core.Alerts;
using Dashboard.Core.Cases;
using Dashboard.Core.Sla;
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

    public async Task ForgetQueuedAsync(CancellationToken cancellationToken = default)
    {
        await ExecuteAsync("Alert_ForgetQueued", new { }, cancellationToken);
        await ExecuteAsync("AlertFollowUp_ForgetQueued", new { }, cancellationToken);
    }

    public Task EndRemindersOfClosedCasesAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ExecuteAsync("Alert_EndRemindersOfClosedCases", new { Now = now }, cancellationToken);

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

    public async Task<long> ReadWithdrawnCheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql["AlertCheckpoint_ReadWithdrawn"], cancellationToken: cancellationToken));
    }

    public Task<IReadOnlyList<Alert>> ReadByCaseAsync(string caseId, CancellationToken cancellationToken = default) =>
        QueryAsync("Alert_ReadByCase", new { CaseId = caseId }, cancellationToken);

    public async Task WithdrawAsync(IReadOnlyList<(BreachWithdrawal Withdrawal, AlertWithdrawal Alert)> alerts, long checkpoint, string by, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (alerts.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["Alert_Withdraw"], alerts.Select(a => new
            {
                Id = a.Alert.AlertId, WithdrawnSequence = a.Withdrawal.Sequence, Clock = a.Withdrawal.Clock.ToString(), By = by, Now = now,
            }).ToArray(), transaction, cancellationToken: cancellationToken));
            var followUps = alerts.Where(a => a.Alert.FollowUp).Select(a => new
            {
                a.Alert.AlertId, WithdrawnSequence = a.Withdrawal.Sequence, Clock = a.Withdrawal.Clock.ToString(), a.Withdrawal.DueAt,
                LateEventType = a.Withdrawal.LateEventType.ToString(), LateEventAt = a.Withdrawal.LateEventAt, CaseKind = a.Withdrawal.CaseKind?.ToString(),
                Status = (a.Alert.FollowUpSent ? AlertStatus.Sent : AlertStatus.Pending).ToString(), Now = now, SentAt = a.Alert.FollowUpSent ? now : (DateTimeOffset?)null,
            }).ToArray();
            if (followUps.Length > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(sql["AlertFollowUp_Insert"], followUps, transaction, cancellationToken: cancellationToken));
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(sql["AlertCheckpoint_UpdateWithdrawn"], new { WithdrawnSequence = checkpoint }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AlertFollowUp>> ReadDeliverableFollowUpsAsync(DateTimeOffset requeueBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertFollowUpRow>(new CommandDefinition(sql["AlertFollowUp_ReadDeliverable"], new { RequeueBefore = requeueBefore }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToFollowUp()).ToArray();
    }

    public async Task MarkFollowUpsQueuedAsync(IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["AlertFollowUp_MarkQueued"], ids.Select(id => new { Id = id, Now = now }).ToArray(), cancellationToken: cancellationToken));
    }

    public async Task<AlertFollowUp?> ReadFollowUpAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertFollowUpRow>(new CommandDefinition(sql["AlertFollowUp_ReadById"], new { Id = id }, cancellationToken: cancellationToken));
        return rows.SingleOrDefault()?.ToFollowUp();
    }

    public Task MarkFollowUpSentAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ExecuteAsync("AlertFollowUp_MarkSent", new { Id = id, Now = now }, cancellationToken);

    public Task MarkFollowUpFailedAttemptAsync(long id, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ExecuteAsync("AlertFollowUp_MarkFailedAttempt", new { Id = id, Error = error.Length > 2000 ? error[..2000] : error }, cancellationToken);
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
        public long? WithdrawnSequence { get; set; }
        public string? WithdrawnClock { get; set; }

        public Alert ToAlert() => new(Id, CaseId, Level, Channel, UnitCode, RegionCode, Critical, EscalatedSequence, EscalatedAt, Reason, Recipients,
            Enum.Parse<AlertStatus>(Status), CreatedAt, SentAt, HeldUntil, Attempts, LastError, AcknowledgedAt, AcknowledgedBy, NextReminderAt, Reminders,
            WithdrawnSequence, WithdrawnClock is { } clock ? Enum.Parse<SlaClockKind>(clock) : null);
    }

    private sealed class AlertFollowUpRow
    {
        public long Id { get; set; }
        public long AlertId { get; set; }
        public long WithdrawnSequence { get; set; }
        public string Clock { get; set; } = "";
        public DateTimeOffset DueAt { get; set; }
        public string LateEventType { get; set; } = "";
        public DateTimeOffset LateEventAt { get; set; }
        public string? CaseKind { get; set; }
        public string Status { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? SentAt { get; set; }
        public int Attempts { get; set; }
        public string? LastError { get; set; }

        public AlertFollowUp ToFollowUp() => new(Id, AlertId, WithdrawnSequence, Enum.Parse<SlaClockKind>(Clock), DueAt, Enum.Parse<CaseEventType>(LateEventType), LateEventAt,
            CaseKind is { } kind ? Enum.Parse<Core.Cases.CaseKind>(kind) : null, Enum.Parse<AlertStatus>(Status), CreatedAt, SentAt, Attempts, LastError);
    }
}
