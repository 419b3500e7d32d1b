using Bunit;
using Dashboard.Core.Alerts;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Components;

public sealed class AlertsPageTests : PageTestContext
{
    private static readonly Unit Unit = TableroFactory.JaliscoUnit;
    private readonly FakeAlertStore _store = new();

    public AlertsPageTests()
    {
        Services.AddSingleton<IAlertStore>(_store);
        Services.AddSingleton(TestCatalogue.Create());
        Services.AddSingleton<Core.Live.ILiveFeed>(new Dashboard.Web.Live.InProcessLiveFeed(Microsoft.Extensions.Logging.Abstractions.NullLogger<Dashboard.Web.Live.InProcessLiveFeed>.Instance, TestCatalogue.Create()));
    }

    [Fact]
    public void Render_ListsPendingEscalationsWithTheirLevelInSpanishAndUnitTime()
    {
        // 16:00 UTC is 10:00 in Guadalajara.
        _store.Alerts.Add(NewAlert(1, level: 2, new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero)));

        var cut = Render<AlertsPage>();

        Assert.Equal("Alertas de escalamiento", cut.Find("h1").TextContent);
        // In the case's institution's own structure, and the region by its name, never its code.
        Assert.Equal("2 · Comité de la OOAD", cut.Find("[data-testid=level-1]").TextContent.Trim());
        Assert.Contains("OOAD Jalisco", cut.Find("[data-testid=alerts-table]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("IMSS-JAL", cut.Find("[data-testid=alerts-table]").TextContent, StringComparison.Ordinal);
        Assert.Contains("10:00", cut.Find("[data-testid=alerts-table]").TextContent, StringComparison.Ordinal);
        Assert.Contains(Unit.Name, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledge_RecordsItAndTheRowLeavesThePendingList()
    {
        _store.Alerts.Add(NewAlert(7, level: 1, DateTimeOffset.UtcNow));
        var cut = Render<AlertsPage>();

        cut.Find("[data-testid=ack-7]").Click();

        Assert.NotNull(_store.Alerts.Single().AcknowledgedAt);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=ack-7]")));
        Assert.Contains("No hay alertas pendientes", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AWithdrawnBreachsAlert_SaysItWasAttendedInTimeAndRegisteredLate_AcknowledgedByTheSystem()
    {
        var at = DateTimeOffset.UtcNow;
        _store.Alerts.Add(NewAlert(9, level: 1, at) with
        {
            AcknowledgedAt = at, AcknowledgedBy = Dashboard.Web.Alerts.AlertJob.WithdrawnBy, WithdrawnSequence = 42, WithdrawnClock = Core.Sla.SlaClockKind.FirstResponse,
        });

        var cut = Render<AlertsPage>();
        cut.Find("input[type=checkbox]").Change(false);

        cut.WaitForAssertion(() => Assert.Equal("Atendido a tiempo; registro tardío: se retira el vencimiento de primera respuesta",
            cut.Find("[data-testid=withdrawn-9]").TextContent.Trim()));
        Assert.StartsWith("Acuse: sistema,", cut.Find("[data-testid=acknowledged-9]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=ack-9]"));
    }

    private static Alert NewAlert(long id, int level, DateTimeOffset at) =>
        new(id, $"QJ-{id}", level, AlertChannels.InApp, Unit.Code, Unit.RegionCode, false, id, at, "Escalamiento automático: plazo vencido",
            null, AlertStatus.Sent, at, at, null, 1, null, null, null, null, 0);

    private sealed class FakeAlertStore : IAlertStore
    {
        public List<Alert> Alerts { get; } = [];

        public Task<IReadOnlyList<Alert>> ListAsync(ReadScope scope, bool unacknowledgedOnly, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Alert>>(Alerts.Where(a => !unacknowledgedOnly || a.AcknowledgedAt is null).Take(limit).ToArray());

        public Task<bool> AcknowledgeAsync(long id, string by, DateTimeOffset now, ReadScope scope, CancellationToken cancellationToken = default)
        {
            var i = Alerts.FindIndex(a => a.Id == id);
            if (i >= 0)
            {
                Alerts[i] = Alerts[i] with { AcknowledgedAt = now, AcknowledgedBy = by };
            }

            return Task.FromResult(i >= 0);
        }

        public Task<long> ReadCheckpointAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CreateAsync(IReadOnlyList<NewAlert> alerts, long checkpoint, DateTimeOffset now, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<Alert>> ReadDeliverableAsync(DateTimeOffset now, DateTimeOffset requeueBefore, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task MarkQueuedAsync(IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Alert?> ReadAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task MarkSentAsync(long id, DateTimeOffset now, DateTimeOffset? nextReminder, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task MarkFailedAttemptAsync(long id, string error, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task ScheduleReminderAsync(long id, DateTimeOffset next, bool counted, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task ForgetQueuedAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task EndRemindersOfClosedCasesAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<Alert>> ReadRemindersDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<long> ReadWithdrawnCheckpointAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<Alert>> ReadByCaseAsync(string caseId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task WithdrawAsync(IReadOnlyList<(BreachWithdrawal Withdrawal, AlertWithdrawal Alert)> alerts, long checkpoint, string by, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<AlertFollowUp>> ReadDeliverableFollowUpsAsync(DateTimeOffset requeueBefore, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task MarkFollowUpsQueuedAsync(IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<AlertFollowUp?> ReadFollowUpAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task MarkFollowUpSentAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task MarkFollowUpFailedAttemptAsync(long id, string error, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
