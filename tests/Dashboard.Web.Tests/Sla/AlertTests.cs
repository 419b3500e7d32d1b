using Dashboard.Core.Catalogue;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Dashboard.Core.Alerts;
using Dashboard.Core.Sla.Calendars;
using Dashboard.Data;
using Dashboard.Web.Alerts;
using Dashboard.Web.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Sla;

/// <summary>
/// From an escalation to the people: one alert per (case, level, channel) in the database, a signed webhook, an
/// e-mail without personal data, acknowledgement that stops reminders. Hangfire's own jobs run alongside, so the
/// tests assert on what is stored and received.
/// </summary>
public sealed class AlertTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static readonly string[] Channels = ["Email", "InApp", "Webhook:control"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewCaseId() => $"QJ-{Guid.NewGuid():N}"[..20];

    /// <summary>A complex case two weeks overdue, swept (three escalations) and alerted.</summary>
    private async Task<string> EscalatedCaseAsync(string unitCode)
    {
        var caseId = NewCaseId();
        var opened = EventJson.Opened(caseId, unitCode, complex: true);
        opened["occurredAt"] = DateTimeOffset.UtcNow.AddDays(-14).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        using var response = await factory.CreateClient(TableroFactory.IngestKey).PostAsJsonAsync("/api/v1/events", opened, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await factory.Services.GetRequiredService<SlaSweepJob>().RunAsync(Ct);
        await factory.Services.GetRequiredService<AlertJob>().RunAsync(Ct);
        return caseId;
    }

    private async Task<(string Channel, int Level, int Count)[]> StoredAlertsAsync(string caseId)
    {
        await using var connection = await factory.Services.GetRequiredService<ConnectionFactory>().OpenAsync(Ct);
        var rows = await connection.QueryAsync<(string, long, long)>(
            "SELECT channel, level, COUNT(*) FROM alerts WHERE case_id = @caseId GROUP BY channel, level ORDER BY level, channel", new { caseId });
        return rows.Select(r => (r.Item1, (int)r.Item2, (int)r.Item3)).ToArray();
    }

    private async Task<JsonElement[]> ListAsync(string key, string state = "open")
    {
        using var response = await factory.CreateClient(key).GetAsync($"/api/v1/alerts?state={state}&limit=500", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.EnumerateArray().ToArray();
    }

    [Fact]
    public async Task Escalations_GetOneAlertPerLevelAndChannel_EvenWhenTheJobsRunAgain()
    {
        var caseId = await EscalatedCaseAsync(TableroFactory.JaliscoUnit.Code);

        await factory.Services.GetRequiredService<SlaSweepJob>().RunAsync(Ct);
        await factory.Services.GetRequiredService<AlertJob>().RunAsync(Ct);

        var expected = Enumerable.Range(1, 3).SelectMany(level => Channels.Select(channel => (channel, level, 1)));
        Assert.Equal(expected, await StoredAlertsAsync(caseId));
    }

    [Fact]
    public async Task Webhook_IsPostedWithTheHmacSignatureOfItsBody()
    {
        var caseId = await EscalatedCaseAsync(TableroFactory.JaliscoUnit.Code);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        (HttpRequestMessage Request, byte[] Body) received;
        do
        {
            received = await factory.Webhook.Received.ReadAsync(timeout.Token);
        }
        while (JsonDocument.Parse(received.Body).RootElement.GetProperty("caseId").GetString() != caseId);

        Assert.Equal(AlertDelivery.Sign(TableroFactory.WebhookSecret, received.Body), received.Request.Headers.GetValues(AlertDelivery.SignatureHeader).Single());
        Assert.StartsWith("sha256=", AlertDelivery.Sign(TableroFactory.WebhookSecret, received.Body), StringComparison.Ordinal);
        Assert.DoesNotContain("12345678903", System.Text.Encoding.UTF8.GetString(received.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_LandsInThePickupFolderAddressedToTheUnitDirectorWithoutPersonalData()
    {
        var caseId = await EscalatedCaseAsync(TableroFactory.JaliscoUnit.Code);
        var alert = (await factory.Services.GetRequiredService<IAlertStore>().ListAsync(Core.Storage.ReadScope.All, false, 500, Ct)).First(a => a.CaseId == caseId && a.Level == 1);
        var emailId = await EmailAlertIdAsync(caseId, 1);

        // Idempotent: if Hangfire's worker already delivered it, this returns without sending twice.
        await factory.Services.GetRequiredService<AlertDelivery>().DeliverAsync(emailId, false, Ct);

        var file = Path.Combine(factory.MailFolder, $"alert-{emailId}-0.eml");
        var text = await File.ReadAllTextAsync(file, Ct);
        Assert.Contains($"direccion.{TableroFactory.JaliscoUnit.Code.ToLowerInvariant()}@imss.example", text, StringComparison.Ordinal);
        Assert.Contains(caseId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678903", text, StringComparison.Ordinal);
        Assert.Equal(1, alert.Level);
        // In words for its readers: the region's name, not its code, and which clock ran out.
        var body = (await MimeKit.MimeMessage.LoadAsync(file, Ct)).TextBody;
        Assert.Contains("(OOAD Jalisco)", body, StringComparison.Ordinal);
        Assert.DoesNotContain("IMSS-JAL", body, StringComparison.Ordinal);
        Assert.Contains("plazo de", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledge_StopsRemindersOnEveryChannelAndLeavesTheOpenList()
    {
        var caseId = await EscalatedCaseAsync(TableroFactory.JaliscoUnit.Code);
        var store = factory.Services.GetRequiredService<IAlertStore>();
        var emailId = await EmailAlertIdAsync(caseId, 2);
        await factory.Services.GetRequiredService<AlertDelivery>().DeliverAsync(emailId, false, Ct);
        var later = DateTimeOffset.UtcNow.AddHours(5);
        Assert.Contains(await store.ReadRemindersDueAsync(later, Ct), a => a.Id == emailId);
        var inApp = (await ListAsync(TableroFactory.ReadKey)).First(a => a.GetProperty("caseId").GetString() == caseId && a.GetProperty("level").GetInt32() == 2);

        using var ack = await factory.CreateClient(TableroFactory.IngestKey).PostAsync($"/api/v1/alerts/{inApp.GetProperty("id").GetInt64()}/acknowledge", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, ack.StatusCode);
        Assert.DoesNotContain(await store.ReadRemindersDueAsync(later, Ct), a => a.Id == emailId);
        Assert.DoesNotContain(await ListAsync(TableroFactory.ReadKey), a => a.GetProperty("caseId").GetString() == caseId && a.GetProperty("level").GetInt32() == 2);
        var acknowledged = (await ListAsync(TableroFactory.ReadKey, "all")).First(a => a.GetProperty("id").GetInt64() == inApp.GetProperty("id").GetInt64());
        Assert.Equal("ingest-all", acknowledged.GetProperty("acknowledgedBy").GetString());
    }

    [Fact]
    public async Task Reminders_OfACaseResolvedMeanwhile_EndAtTheNextRun_WhileAnOpenCasesGoOn()
    {
        var resolvedCase = await EscalatedCaseAsync(TableroFactory.JaliscoUnit.Code);
        var openCase = await EscalatedCaseAsync(TableroFactory.JaliscoUnit.Code);
        var store = factory.Services.GetRequiredService<IAlertStore>();
        var delivery = factory.Services.GetRequiredService<AlertDelivery>();
        var resolvedEmail = await EmailAlertIdAsync(resolvedCase, 1);
        var openEmail = await EmailAlertIdAsync(openCase, 1);
        await delivery.DeliverAsync(resolvedEmail, false, Ct);
        await delivery.DeliverAsync(openEmail, false, Ct);
        using var resolved = await factory.CreateClient(TableroFactory.IngestKey).PostAsJsonAsync("/api/v1/events",
            EventJson.Of("CaseResolved", resolvedCase, new System.Text.Json.Nodes.JsonObject { ["resolution"] = "attended", ["summary"] = "Se atendió en ventanilla." }), Ct);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var later = DateTimeOffset.UtcNow.AddHours(5);

        await store.EndRemindersOfClosedCasesAsync(later, Ct);

        await using var connection = await factory.Services.GetRequiredService<ConnectionFactory>().OpenAsync(Ct);
        Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT next_reminder_utc FROM alerts WHERE id = @resolvedEmail", new { resolvedEmail }));
        Assert.NotNull(await connection.ExecuteScalarAsync<string?>("SELECT next_reminder_utc FROM alerts WHERE id = @openEmail", new { openEmail }));
        var due = await store.ReadRemindersDueAsync(later, Ct);
        Assert.Contains(due, a => a.Id == openEmail);
        Assert.DoesNotContain(due, a => a.Id == resolvedEmail);
    }

    [Theory]
    [InlineData("Alert_ReadRemindersDue")]
    [InlineData("Alert_EndRemindersOfClosedCases")]
    public async Task Reminders_AreReadThroughTheIndexOfAlertsWaitingForAnAcknowledgement(string statement)
    {
        // Through the status index, each run of the job walked every alert ever sent (105,568 at 10 M cases).
        var sql = factory.Services.GetRequiredService<SqlScripts>()[statement];
        await using var connection = await factory.Services.GetRequiredService<ConnectionFactory>().OpenAsync(Ct);
        var plan = string.Join("\n", (await connection.QueryAsync<(long, long, long, string)>("EXPLAIN QUERY PLAN " + sql, new { Now = DateTimeOffset.UtcNow })).Select(r => r.Item4));
        Assert.Contains("ix_alerts_reminders", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_OutsideTheKeysScope_AreNeitherListedNorAcknowledgeable()
    {
        var caseId = await EscalatedCaseAsync(TableroFactory.NuevoLeonUnit.Code);
        var id = (await ListAsync(TableroFactory.ReadKey)).First(a => a.GetProperty("caseId").GetString() == caseId).GetProperty("id").GetInt64();

        Assert.DoesNotContain(await ListAsync(TableroFactory.JaliscoKey), a => a.GetProperty("caseId").GetString() == caseId);
        using var ack = await factory.CreateClient(TableroFactory.JaliscoKey).PostAsync($"/api/v1/alerts/{id}/acknowledge", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, ack.StatusCode);
    }

    [Theory]
    [InlineData("2026-11-28T10:00:00-06:00", "2026-11-30T08:00:00-06:00")] // Saturday morning: held until Monday 08:00
    [InlineData("2026-11-16T12:00:00-06:00", "2026-11-17T08:00:00-06:00")] // Revolution Day, a holiday: held until Tuesday
    [InlineData("2026-11-24T21:30:00-06:00", "2026-11-25T08:00:00-06:00")] // after hours: next morning
    [InlineData("2026-11-24T10:00:00-06:00", "2026-11-24T10:00:00-06:00")] // at work: sent now
    public void NextOpening_OfADirectorsWorkingHours_IsWhenAHeldEmailGoesOut(string now, string expected)
    {
        var calendar = new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City"), WorkingHours.Parse("Mon-Fri 08:00-18:00"),
            HolidayCalendar.For(Institution.Imss));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), AlertJob.NextOpening(calendar, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture)));
    }

    private async Task<long> EmailAlertIdAsync(string caseId, int level)
    {
        await using var connection = await factory.Services.GetRequiredService<ConnectionFactory>().OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM alerts WHERE case_id = @caseId AND level = @level AND channel = 'Email'", new { caseId, level });
    }
}
