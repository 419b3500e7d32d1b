using Dashboard.Core.Cases;
using Dashboard.Core.Sla;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Alerts;

/// <summary>Where an alert is delivered. Webhook channels are named per endpoint: <c>Webhook:mesa-de-control</c>.</summary>
public static class AlertChannels
{
    public const string InApp = "InApp";
    public const string Email = "Email";
    public const string WebhookPrefix = "Webhook:";

    public static string Webhook(string name) => WebhookPrefix + name;
}

/// <summary>
/// Pending: waiting for (or retrying) its delivery; a delivery that keeps failing stays pending, never dropped.
/// Held: an e-mail outside its recipients' working hours, sent when they begin. Sent: delivered (in-app alerts are
/// delivered when created).
/// </summary>
public enum AlertStatus
{
    Pending,
    Held,
    Sent,
}

/// <summary>
/// One alert of one escalation on one channel: the database keeps exactly one per (case, level, channel), however
/// often the jobs that create it run. Acknowledging any channel's alert acknowledges the escalation. When the breach
/// behind the escalation is withdrawn (a late event showed the clock was met), Tablero acknowledges it and
/// <see cref="WithdrawnSequence"/> is the withdrawal's event, <see cref="WithdrawnClock"/> its clock.
/// </summary>
public sealed record Alert(
    long Id,
    string CaseId,
    int Level,
    string Channel,
    string UnitCode,
    string RegionCode,
    bool Critical,
    long EscalatedSequence,
    DateTimeOffset EscalatedAt,
    string Reason,
    string? Recipients,
    AlertStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? HeldUntil,
    int Attempts,
    string? LastError,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? NextReminderAt,
    int Reminders,
    long? WithdrawnSequence = null,
    SlaClockKind? WithdrawnClock = null);

/// <summary>An alert to create, if its (case, level, channel) has none yet.</summary>
public sealed record NewAlert(
    string CaseId,
    int Level,
    string Channel,
    string UnitCode,
    string RegionCode,
    bool Critical,
    long EscalatedSequence,
    DateTimeOffset EscalatedAt,
    string Reason,
    string? Recipients,
    AlertStatus Status,
    DateTimeOffset? HeldUntil);

/// <summary>
/// The one follow-up of an alert whose breach was withdrawn: "atendido a tiempo; registro tardío", on the alert's own
/// channel, to whoever the alert reached (an in-app alert's follow-up is the alert's own mark, sent when created).
/// </summary>
public sealed record AlertFollowUp(
    long Id,
    long AlertId,
    long WithdrawnSequence,
    SlaClockKind Clock,
    DateTimeOffset DueAt,
    CaseEventType LateEventType,
    DateTimeOffset LateEventAt,
    CaseKind? CaseKind,
    AlertStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    int Attempts,
    string? LastError);

/// <summary>An alert stood down by a withdrawn breach: acknowledged by Tablero, and followed up when it had reached someone.</summary>
public sealed record AlertWithdrawal(long AlertId, bool FollowUp, bool FollowUpSent);

/// <summary>What one <c>SlaBreachWithdrawn</c> event withdrew, as the follow-ups tell it.</summary>
public sealed record BreachWithdrawal(long Sequence, SlaClockKind Clock, DateTimeOffset DueAt, CaseEventType LateEventType, DateTimeOffset LateEventAt, CaseKind? CaseKind);

public interface IAlertStore
{
    /// <summary>The last event sequence whose escalations have alerts.</summary>
    Task<long> ReadCheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the alerts that do not exist yet and moves the checkpoint, in one transaction.</summary>
    Task CreateAsync(IReadOnlyList<NewAlert> alerts, long checkpoint, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Alerts whose delivery should be queued: pending and not queued since <paramref name="requeueBefore"/>, or held until now.</summary>
    Task<IReadOnlyList<Alert>> ReadDeliverableAsync(DateTimeOffset now, DateTimeOffset requeueBefore, CancellationToken cancellationToken = default);

    Task MarkQueuedAsync(IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<Alert?> ReadAsync(long id, CancellationToken cancellationToken = default);

    Task MarkSentAsync(long id, DateTimeOffset now, DateTimeOffset? nextReminder, CancellationToken cancellationToken = default);

    Task MarkFailedAttemptAsync(long id, string error, CancellationToken cancellationToken = default);

    /// <summary>Sets when the next reminder of an unacknowledged e-mail alert is due; counts it when it is one more reminder.</summary>
    Task ScheduleReminderAsync(long id, DateTimeOffset next, bool counted, CancellationToken cancellationToken = default);

    /// <summary>After a restart with an in-memory job store, queued deliveries are gone: queue them again.</summary>
    Task ForgetQueuedAsync(CancellationToken cancellationToken = default);

    /// <summary>Ends the reminders of unacknowledged alerts whose case is no longer open and whose reminder time has come.</summary>
    Task EndRemindersOfClosedCasesAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Sent e-mail alerts, not acknowledged, of cases still open, whose reminder time has come.</summary>
    Task<IReadOnlyList<Alert>> ReadRemindersDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Alerts within the scope, newest first (in-app channel only: one line per escalation).</summary>
    Task<IReadOnlyList<Alert>> ListAsync(ReadScope scope, bool unacknowledgedOnly, int limit, CancellationToken cancellationToken = default);

    /// <summary>Acknowledges the escalation (every channel of its case and level); false when not found within the scope.</summary>
    Task<bool> AcknowledgeAsync(long id, string by, DateTimeOffset now, ReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>The last event sequence whose breach withdrawals have been followed up.</summary>
    Task<long> ReadWithdrawnCheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>Every alert of a case (the alert job's read when a breach of the case is withdrawn).</summary>
    Task<IReadOnlyList<Alert>> ReadByCaseAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: marks each alert withdrawn and acknowledged by <paramref name="by"/> (a person's earlier
    /// acknowledgement stays), creates the follow-ups that do not exist yet (the database refuses a second per alert),
    /// and moves the withdrawals' checkpoint.
    /// </summary>
    Task WithdrawAsync(IReadOnlyList<(BreachWithdrawal Withdrawal, AlertWithdrawal Alert)> alerts, long checkpoint, string by, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Follow-ups waiting for their delivery and not queued since <paramref name="requeueBefore"/>.</summary>
    Task<IReadOnlyList<AlertFollowUp>> ReadDeliverableFollowUpsAsync(DateTimeOffset requeueBefore, CancellationToken cancellationToken = default);

    Task MarkFollowUpsQueuedAsync(IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<AlertFollowUp?> ReadFollowUpAsync(long id, CancellationToken cancellationToken = default);

    Task MarkFollowUpSentAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task MarkFollowUpFailedAttemptAsync(long id, string error, CancellationToken cancellationToken = default);
}
