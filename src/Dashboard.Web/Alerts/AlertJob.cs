using Dashboard.Core.Alerts;
using Dashboard.Core.Cases;
using Dashboard.Core.Sla.Calendars;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Alerts;

/// <summary>
/// Turns escalations into alerts and keeps them moving. It follows the event log from its checkpoint (so an
/// escalation by the sweep or by a person is alerted alike, and none is missed across restarts), creates one alert
/// per (case, level, channel) — the database refuses a second — and queues their deliveries, held e-mails when
/// their recipients' day begins, and reminders of unacknowledged ones. A breach withdrawn (a late event showed the clock
/// was met) is followed from the log alike, from a checkpoint of its own: the alerts of the escalations it stood down
/// are acknowledged by Tablero, and whoever they reached gets one follow-up, "atendido a tiempo; registro tardío".
/// </summary>
public sealed class AlertJob(
    ICaseEventLog events,
    IAlertStore alerts,
    IHistoryImportStore historyImports,
    Dashboard.Core.Committees.ICommitteeStore committees,
    CatalogueService catalogue,
    IBackgroundJobClient jobs,
    TimeProvider time,
    IOptions<AlertOptions> options,
    Telemetry.TableroMetrics? metrics = null)
{
    public const string RecurringJobId = "alerts";

    /// <summary>A queued delivery not finished after this long is assumed lost and queued again (Hangfire retries within it).</summary>
    public static readonly TimeSpan RequeueAfter = TimeSpan.FromHours(24);

    /// <summary>Who acknowledged an alert whose breach was withdrawn (the alert records the withdrawal itself).</summary>
    public const string WithdrawnBy = "Tablero";

    private const int PageSize = 1000;

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await CreateAlertsAsync(now, cancellationToken);
        await FollowUpWithdrawalsAsync(now, cancellationToken);
        await QueueDeliveriesAsync(now, cancellationToken);
        await QueueFollowUpsAsync(now, cancellationToken);
        await QueueRemindersAsync(now, cancellationToken);
    }

    private async Task CreateAlertsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var checkpoint = await alerts.ReadCheckpointAsync(cancellationToken);
        // An imported history's escalations that became due before its import began are the past: nobody is alerted.
        var imports = await historyImports.ReadAllAsync(cancellationToken);
        var committeeEmails = await committees.ReadEmailsAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            var (escalations, readUpTo) = await events.ReadOfTypeAfterAsync(checkpoint, CaseEventType.CaseEscalated, PageSize, cancellationToken);
            if (readUpTo == checkpoint)
            {
                return;
            }

            checkpoint = readUpTo;
            var current = escalations.Where(e => !imports.Any(i => i.IsHistory(e.Sequence, e.OccurredAt)));
            var created = current.SelectMany(e => AlertsFor(e, now, committeeEmails)).ToArray();
            await alerts.CreateAsync(created, checkpoint, now, cancellationToken);
            // In-app alerts are delivered as they are made, and held e-mails wait for their recipients' hours; the rest
            // are counted when delivered.
            foreach (var alert in created.Where(a => a.Status is AlertStatus.Sent or AlertStatus.Held))
            {
                metrics?.Alert(alert.Channel, alert.Status == AlertStatus.Sent ? "sent" : "held");
            }

            if (escalations.Count < PageSize)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Each <c>SlaBreachWithdrawn</c> of the log, once: the case's alerts above the level the withdrawal stood it down to,
    /// of escalations before it, are acknowledged by Tablero; those that reached someone (in-app, or an e-mail or
    /// webhook already sent) get a follow-up. An alert not yet delivered is simply not delivered. Withdrawals are read
    /// only as far as alerts were created, so the alerts of the escalations they stand down exist by then.
    /// </summary>
    private async Task FollowUpWithdrawalsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var alertsUpTo = await alerts.ReadCheckpointAsync(cancellationToken);
        var checkpoint = await alerts.ReadWithdrawnCheckpointAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested && checkpoint < alertsUpTo)
        {
            var (withdrawals, readUpTo) = await events.ReadOfTypeAfterAsync(checkpoint, CaseEventType.SlaBreachWithdrawn, PageSize, cancellationToken);
            var upTo = Math.Min(readUpTo, alertsUpTo);
            if (upTo <= checkpoint)
            {
                return;
            }

            var withdrawn = new List<(BreachWithdrawal, AlertWithdrawal)>();
            foreach (var e in withdrawals.Where(w => w.Sequence <= upTo))
            {
                var data = (SlaBreachWithdrawnData)CaseEventJson.DeserializeData(e.Type, e.DataJson);
                var stoodDown = (await alerts.ReadByCaseAsync(e.CaseId, cancellationToken))
                    .Where(a => a.Level > data.EscalationLevel && a.EscalatedSequence < e.Sequence && a.WithdrawnSequence is null).ToArray();
                if (stoodDown.Length == 0)
                {
                    continue;
                }

                var withdrawal = new BreachWithdrawal(e.Sequence, data.Clock, data.DueAt, data.LateEventType, data.LateEventOccurredAt, await CaseKindAsync(e.CaseId, cancellationToken));
                withdrawn.AddRange(stoodDown.Select(a =>
                {
                    var inApp = a.Channel == AlertChannels.InApp;
                    return (withdrawal, new AlertWithdrawal(a.Id, FollowUp: inApp || a.Status == AlertStatus.Sent, FollowUpSent: inApp));
                }));
            }

            checkpoint = upTo;
            await alerts.WithdrawAsync(withdrawn, checkpoint, WithdrawnBy, now, cancellationToken);
            if (withdrawals.Count < PageSize)
            {
                return;
            }
        }
    }

    /// <summary>What the case is (a queja or reclamo, a solicitud …), for the follow-up's words; from its opening event.</summary>
    private async Task<CaseKind?> CaseKindAsync(string caseId, CancellationToken cancellationToken)
    {
        var opened = (await events.ReadByCaseAsync(caseId, ReadScope.All, cancellationToken)).FirstOrDefault(e => e.Type == CaseEventType.CaseOpened);
        return opened is null ? null : ((CaseOpenedData)CaseEventJson.DeserializeData(opened.Type, opened.DataJson)).Kind;
    }

    /// <summary>In-app always; e-mail when the level has recipients in the case's scope; each webhook that wants the level.</summary>
    /// <remarks>
    /// Levels 2 and 3 reach a committee (a UMAE's own, the OOAD's or Red's, the central one): its address when it has
    /// one, set on its page; the configured recipients of the level otherwise.
    /// </remarks>
    private IEnumerable<NewAlert> AlertsFor(StoredCaseEvent e, DateTimeOffset now, IReadOnlyDictionary<string, string> committeeEmails)
    {
        var escalation = (CaseEscalatedData)CaseEventJson.DeserializeData(e.Type, e.DataJson);
        var critical = e.Priority == Priority.Critical;
        NewAlert Alert(string channel, string? recipients, AlertStatus status, DateTimeOffset? heldUntil = null) =>
            new(e.CaseId, escalation.Level, channel, e.UnitCode, e.RegionCode, critical, e.Sequence, e.OccurredAt, escalation.Reason, recipients, status, heldUntil);

        yield return Alert(AlertChannels.InApp, null, AlertStatus.Sent);

        var unit = catalogue.Current.FindUnit(e.UnitCode);
        var committee = unit is null ? null : Dashboard.Core.Committees.CommitteePlan.For(escalation.Level, unit);
        var committeeEmail = committee is null ? null : committeeEmails.GetValueOrDefault(committee);
        var groups = committeeEmail is not null ? []
            : options.Value.Recipients.Where(g => g.Covers(escalation.Level, e.RegionCode, e.UnitCode, catalogue.Current.InstitutionOfRegion, unit?.Type)).ToArray();
        var addresses = committeeEmail is not null ? [committeeEmail]
            : groups.SelectMany(g => g.AddressesFor(e.RegionCode, e.UnitCode)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (addresses.Length > 0)
        {
            var heldUntil = critical ? null : HeldUntil(groups, e.UnitCode, now);
            yield return Alert(AlertChannels.Email, string.Join(", ", addresses), heldUntil is null ? AlertStatus.Pending : AlertStatus.Held, heldUntil);
        }

        foreach (var webhook in options.Value.Webhooks.Where(w => w.Wants(escalation.Level)))
        {
            yield return Alert(AlertChannels.Webhook(webhook.Name), webhook.Url?.ToString(), AlertStatus.Pending);
        }
    }

    /// <summary>
    /// When the recipients' working day begins, if it has not: the earliest opening among the groups, in the unit's
    /// time zone. Null when any of them is at work now (or has no hours: any time is fine).
    /// </summary>
    private DateTimeOffset? HeldUntil(IEnumerable<RecipientGroup> groups, string unitCode, DateTimeOffset now)
    {
        if (catalogue.Current.FindUnit(unitCode) is not { } unit)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone);
        var holidays = catalogue.Context.Sla.Calendars.Holidays(unit.Institution);
        DateTimeOffset? earliest = null;
        foreach (var group in groups)
        {
            if (string.IsNullOrWhiteSpace(group.WorkingHours))
            {
                return null;
            }

            var opens = NextOpening(new BusinessCalendar(zone, WorkingHours.Parse(group.WorkingHours), holidays), now);
            if (opens <= now)
            {
                return null;
            }

            earliest = earliest is null || opens < earliest ? opens : earliest;
        }

        return earliest;
    }

    /// <summary>The first working instant at or after <paramref name="now"/>: where a tick of working time begins.</summary>
    public static DateTimeOffset NextOpening(BusinessCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.Add(now, TimeSpan.FromTicks(1)).AddTicks(-1);
    }

    private async Task QueueDeliveriesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await alerts.ReadDeliverableAsync(now, now - RequeueAfter, cancellationToken);
        foreach (var alert in due)
        {
            jobs.Enqueue<AlertDelivery>(d => d.DeliverAsync(alert.Id, false, CancellationToken.None));
        }

        if (due.Count > 0)
        {
            await alerts.MarkQueuedAsync(due.Select(a => a.Id).ToArray(), now, cancellationToken);
        }
    }

    private async Task QueueFollowUpsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await alerts.ReadDeliverableFollowUpsAsync(now - RequeueAfter, cancellationToken);
        foreach (var followUp in due)
        {
            jobs.Enqueue<AlertDelivery>(d => d.DeliverFollowUpAsync(followUp.Id, CancellationToken.None));
        }

        if (due.Count > 0)
        {
            await alerts.MarkFollowUpsQueuedAsync(due.Select(f => f.Id).ToArray(), now, cancellationToken);
        }
    }

    private async Task QueueRemindersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // First the due reminders of cases that closed meanwhile: they would never be sent, and each run would read them again.
        await alerts.EndRemindersOfClosedCasesAsync(now, cancellationToken);
        foreach (var alert in await alerts.ReadRemindersDueAsync(now, cancellationToken))
        {
            var groups = options.Value.Recipients.Where(g => g.Covers(alert.Level, alert.RegionCode, alert.UnitCode, catalogue.Current.InstitutionOfRegion,
                catalogue.Current.FindUnit(alert.UnitCode)?.Type));
            if (!alert.Critical && HeldUntil(groups, alert.UnitCode, now) is { } opens)
            {
                await alerts.ScheduleReminderAsync(alert.Id, opens, counted: false, cancellationToken);
                continue;
            }

            // The next one is scheduled before this one is queued, so a second run of the job does not queue it again.
            await alerts.ScheduleReminderAsync(alert.Id, now + options.Value.ReminderEvery, counted: true, cancellationToken);
            jobs.Enqueue<AlertDelivery>(d => d.DeliverAsync(alert.Id, true, CancellationToken.None));
        }
    }
}
