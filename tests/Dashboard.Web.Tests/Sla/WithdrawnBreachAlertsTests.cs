using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Dashboard.Core.Alerts;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Reads;
using Dashboard.Data;
using Dashboard.Web.Alerts;
using Dashboard.Web.Sla;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Sla;

/// <summary>
/// The host with its recurring sweep and alert job quiet (they run when a test runs them), so a test decides what was
/// delivered before a breach is withdrawn. Hangfire still runs the deliveries those runs queue.
/// </summary>
public sealed class QuietJobsFactory : TableroFactory
{
    /// <summary>New Year's midnight: the recurring jobs do not fire during a test run.</summary>
    private const string Never = "0 0 0 1 1 *";

    protected override void Customize(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerts:Cron"] = Never,
            ["Sla:SweepCron"] = Never,
        }));
}

/// <summary>
/// A breach withdrawn end to end with its alerts: the people an escalation reached hear that the case was attended in
/// time and registered late, once; their alerts stop reminding; nobody the escalation never reached hears anything.
/// And the late arrival itself counted for its source, once.
/// </summary>
public sealed class WithdrawnBreachAlertsTests(QuietJobsFactory factory) : IClassFixture<QuietJobsFactory>
{
    private static readonly string[] Channels = ["Email", "InApp", "Webhook:control"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string At(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(-6)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    /// <summary>
    /// A mistreatment complaint at a regional hospital (open day and night), opened five hours ago and swept: its first
    /// response breached and the case went to the unit's director. Returns the case and its first-response deadline.
    /// </summary>
    private async Task<(string CaseId, DateTimeOffset Due)> BreachedCaseAsync(HttpClient client)
    {
        var unit = TableroFactory.Catalogue.Units.First(u => u.Type == UnitType.Hgr && u.RegionCode == "IMSS-JAL");
        var caseId = $"QJ-{Guid.NewGuid():N}"[..20];
        var opened = EventJson.Opened(caseId, unit.Code);
        opened["occurredAt"] = At(DateTimeOffset.UtcNow.AddHours(-5));
        (await client.PostAsJsonAsync("/api/v1/events", opened, Ct)).EnsureSuccessStatusCode();
        await Service<SlaSweepJob>().RunAsync(Ct);
        var before = await JsonAsync(await client.GetAsync($"/api/v1/cases/{caseId}", Ct));
        Assert.Equal(1, before.GetProperty("escalationLevel").GetInt32());
        return (caseId, before.GetProperty("sla").GetProperty("firstResponseDueAt").GetDateTimeOffset());
    }

    /// <summary>The técnica's assignment, half an hour before the deadline, arriving now from a module on a poor connection.</summary>
    private static JsonObject LateAssignment(string caseId, DateTimeOffset due)
    {
        var assigned = EventJson.Of("CaseAssigned", caseId, new JsonObject { ["agentId"] = "TAO-104233" });
        assigned["occurredAt"] = At(due.AddMinutes(-30));
        return assigned;
    }

    private async Task<long> CountAsync(string sql, object parameters)
    {
        await using var connection = await Service<ConnectionFactory>().OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    [Fact]
    public async Task WithdrawnBreach_FollowsUpExactlyThoseAlerted_AcknowledgesTheirAlerts_AndOnlyOnce()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var (caseId, due) = await BreachedCaseAsync(client);
        var store = Service<IAlertStore>();
        var delivery = Service<AlertDelivery>();
        await Service<AlertJob>().RunAsync(Ct);
        var alerted = (await store.ReadByCaseAsync(caseId, Ct)).ToArray();
        Assert.Equal(Channels, alerted.Select(a => a.Channel).Order(StringComparer.Ordinal));
        Assert.All(alerted, a => Assert.Equal(1, a.Level));
        // The director's e-mail and the control room's webhook went out (Hangfire may have been first: delivering is idempotent).
        foreach (var alert in alerted.Where(a => a.Channel != AlertChannels.InApp))
        {
            await delivery.DeliverAsync(alert.Id, false, Ct);
        }

        using var answer = await client.PostAsJsonAsync("/api/v1/events", LateAssignment(caseId, due), Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("1 breach(es) withdrawn", (await JsonAsync(answer)).GetProperty("results")[0].GetProperty("note").GetString(), StringComparison.Ordinal);

        await Service<AlertJob>().RunAsync(Ct);

        // Every alert of the stood-down escalation: acknowledged by Tablero because the breach was withdrawn, one follow-up each.
        var after = await store.ReadByCaseAsync(caseId, Ct);
        Assert.All(after, a =>
        {
            Assert.NotNull(a.WithdrawnSequence);
            Assert.Equal(Core.Sla.SlaClockKind.FirstResponse, a.WithdrawnClock);
            Assert.NotNull(a.AcknowledgedAt);
            Assert.Equal(AlertJob.WithdrawnBy, a.AcknowledgedBy);
        });
        Assert.DoesNotContain(await store.ReadRemindersDueAsync(DateTimeOffset.UtcNow.AddDays(1), Ct), a => a.CaseId == caseId);
        var ids = after.Select(a => a.Id).ToArray();
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM alert_follow_ups WHERE alert_id IN @ids", new { ids }));

        // The e-mail follow-up: to the director, in IMSS's words, naming the clock and the case, nothing personal.
        var email = after.Single(a => a.Channel == AlertChannels.Email);
        var followUpId = await CountAsync("SELECT id FROM alert_follow_ups WHERE alert_id = @id", new { id = email.Id });
        await delivery.DeliverFollowUpAsync(followUpId, Ct);
        var message = await MimeKit.MimeMessage.LoadAsync(Path.Combine(factory.MailFolder, $"followup-{followUpId}.eml"), Ct);
        Assert.Equal(email.Recipients, string.Join(", ", message.To.Mailboxes.Select(m => m.Address)));
        Assert.Contains("atendido a tiempo; registro tardío", message.Subject, StringComparison.Ordinal);
        Assert.Contains(caseId, message.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Queja", message.Subject, StringComparison.Ordinal);
        Assert.Contains("primera respuesta", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("derechohabiente", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678903", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(AlertStatus.Sent, (await store.ReadFollowUpAsync(followUpId, Ct))!.Status);

        // Again: nothing more. The job finds every alert marked; the database refuses a second follow-up for an alert.
        await Service<AlertJob>().RunAsync(Ct);
        await Service<SlaSweepJob>().RunAsync(Ct);
        await Service<AlertJob>().RunAsync(Ct);
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM alert_follow_ups WHERE alert_id IN @ids", new { ids }));
        await using var connection = await Service<ConnectionFactory>().OpenAsync(Ct);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(
            "INSERT INTO alert_follow_ups (alert_id, withdrawn_sequence, clock, due_at_utc, late_event_type, late_event_at_utc, status, created_at_utc) " +
            "VALUES (@id, 1, 'FirstResponse', '2026-12-01', 'CaseAssigned', '2026-12-01', 'Pending', '2026-12-01')", new { id = email.Id }));

        // In-app: the alert reads as withdrawn, for whoever lists all alerts.
        using var list = await factory.CreateClient(TableroFactory.ReadKey).GetAsync("/api/v1/alerts?state=all&limit=500", Ct);
        var listed = (await JsonAsync(list)).EnumerateArray().Single(a => a.GetProperty("caseId").GetString() == caseId);
        Assert.Equal("FirstResponse", listed.GetProperty("breachWithdrawnClock").GetString());
    }

    [Fact]
    public async Task WithdrawnBeforeTheEmailWentOut_NeitherTheAlertNorAFollowUpIsEmailed()
    {
        // The escalation and its withdrawal are both in the log before the alert job runs (it was down, say).
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var (caseId, due) = await BreachedCaseAsync(client);
        (await client.PostAsJsonAsync("/api/v1/events", LateAssignment(caseId, due), Ct)).EnsureSuccessStatusCode();

        await Service<AlertJob>().RunAsync(Ct);

        var store = Service<IAlertStore>();
        var email = (await store.ReadByCaseAsync(caseId, Ct)).Single(a => a.Channel == AlertChannels.Email);
        Assert.NotNull(email.WithdrawnSequence);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM alert_follow_ups WHERE alert_id = @id", new { id = email.Id }));
        Assert.DoesNotContain(await store.ReadDeliverableAsync(DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(1), Ct), a => a.Id == email.Id);
        await Service<AlertDelivery>().DeliverAsync(email.Id, false, Ct);
        Assert.False(File.Exists(Path.Combine(factory.MailFolder, $"alert-{email.Id}-0.eml")));
    }

    [Fact]
    public async Task LateArrival_ThroughTheApi_CountsForItsSourceOnce_EvenWhenReplayed()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var (caseId, due) = await BreachedCaseAsync(client);
        var reader = Service<ILateArrivalReader>();
        async Task<(int Late, int Withdrew, int Beyond)> CountsAsync()
        {
            var days = (await reader.ReadSinceAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), Ct))
                .Where(d => d.Source == new LateArrivalSource(Core.Cases.ActorKind.Source, "ingest-all", "ingest-all")).ToArray();
            return (days.Sum(d => d.Late), days.Sum(d => d.Withdrew), days.Sum(d => d.BeyondWindow));
        }

        var before = await CountsAsync();
        var late = LateAssignment(caseId, due);
        (await client.PostAsJsonAsync("/api/v1/events", late, Ct)).EnsureSuccessStatusCode();
        Assert.Equal((before.Late + 1, before.Withdrew + 1, before.Beyond), await CountsAsync());

        using var replay = await client.PostAsJsonAsync("/api/v1/events", late, Ct);
        Assert.Equal("duplicate", (await JsonAsync(replay)).GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Equal((before.Late + 1, before.Withdrew + 1, before.Beyond), await CountsAsync());

        // An event in order counts nothing; one from beyond the window counts as late and beyond it.
        var note = EventJson.Of("NoteAdded", caseId, new JsonObject { ["text"] = "Se llamó al derechohabiente." });
        (await client.PostAsJsonAsync("/api/v1/events", note, Ct)).EnsureSuccessStatusCode();
        Assert.Equal((before.Late + 1, before.Withdrew + 1, before.Beyond), await CountsAsync());
        var openedAt = DateTimeOffset.UtcNow.AddDays(-45);
        var old = EventJson.Opened($"QJ-{Guid.NewGuid():N}"[..20], TableroFactory.Catalogue.Units.First(u => u.Type == UnitType.Hgr && u.RegionCode == "IMSS-JAL").Code);
        old["occurredAt"] = At(openedAt);
        (await client.PostAsJsonAsync("/api/v1/events", old, Ct)).EnsureSuccessStatusCode();
        var oldNote = EventJson.Of("NoteAdded", old["caseId"]!.GetValue<string>(), new JsonObject { ["text"] = "Se llamó al derechohabiente." });
        oldNote["occurredAt"] = At(openedAt.AddMinutes(30));
        await Service<SlaSweepJob>().RunAsync(Ct);
        using var oldAnswer = await client.PostAsJsonAsync("/api/v1/events", oldNote, Ct);
        Assert.Contains("SLA history was not rewritten", (await JsonAsync(oldAnswer)).GetProperty("results")[0].GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal((before.Late + 2, before.Withdrew + 1, before.Beyond + 1), await CountsAsync());
        // The administrators' API says the same; other keys are refused, bad input is a problem, not an error.
        using var api = await factory.CreateClient(TableroFactory.AdminKey).GetAsync("/api/v1/late-arrivals?days=2", Ct);
        var rows = (await JsonAsync(api)).EnumerateArray().Where(r => r.GetProperty("source").GetString() == "ingest-all").ToArray();
        Assert.Equal(before.Late + 2, rows.Sum(r => r.GetProperty("late").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateClient(TableroFactory.ReadKey).GetAsync("/api/v1/late-arrivals", Ct)).StatusCode);
        using var bad = await factory.CreateClient(TableroFactory.AdminKey).GetAsync("/api/v1/late-arrivals?days=0", Ct);
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (bad.StatusCode, bad.Content.Headers.ContentType?.MediaType));

        // The sweep's catching up on the old case is not anybody's late arrival.
        Assert.DoesNotContain(await reader.ReadSinceAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), Ct), d => d.Source.Kind == Core.Cases.ActorKind.System);
    }
}
