using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Dashboard.Core.Alerts;
using Dashboard.Data;
using Dashboard.Web.Alerts;
using Dashboard.Web.Sla;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Sla;

/// <summary>
/// The host on a fake clock that starts on Saturday 28 Nov 2026, 10:00 in Guadalajara, and a unit director who reads
/// e-mail Monday to Friday from 10:00: a weekend case breaches on Monday morning, its alert waits for 10:00.
/// </summary>
public sealed class FakeClockFactory : TableroFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(-6)));

    protected override void Customize(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerts:Recipients:0:WorkingHours"] = "Mon-Fri 10:00-18:00",
        }));
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

public sealed class FakeClockSlaTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Cdmx = TimeSpan.FromHours(-6);

    [Fact]
    public async Task WeekendCase_BreachesMondayMorning_AndItsEmailIsHeldUntilTheDirectorsDayBegins()
    {
        // A complex, high-priority complaint at a family-medicine unit, on Saturday: first response (1 h) is due
        // Monday 09:00, the unit being closed over the weekend.
        var caseId = $"QJ-{Guid.NewGuid():N}"[..20];
        var opened = EventJson.Opened(caseId, TableroFactory.JaliscoUnit.Code, complex: true);
        opened["occurredAt"] = factory.Clock.GetUtcNow().ToOffset(Cdmx).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        using (var response = await factory.CreateClient(TableroFactory.IngestKey).PostAsJsonAsync("/api/v1/events", opened, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var sla = await SlaOfAsync(caseId);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, Cdmx), sla.GetProperty("firstResponseDueAt").GetDateTimeOffset());
        var sweep = factory.Services.GetRequiredService<SlaSweepJob>();
        var alerts = factory.Services.GetRequiredService<AlertJob>();

        // Sunday night: nothing is due yet.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 23, 0, 0, Cdmx));
        await sweep.RunAsync(Ct);
        Assert.Equal("OnTrack", (await SlaOfAsync(caseId)).GetProperty("slaState").GetString());

        // Monday 09:00:01: breached, and the unit's director is alerted — by e-mail once the director's day begins.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 1, Cdmx));
        await sweep.RunAsync(Ct);
        await alerts.RunAsync(Ct);
        sla = await SlaOfAsync(caseId);
        Assert.Equal("Breached", sla.GetProperty("slaState").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, Cdmx), sla.GetProperty("breachedAt").GetDateTimeOffset());
        var email = await EmailAlertAsync(caseId);
        Assert.Equal((nameof(AlertStatus.Held), new DateTimeOffset(2026, 11, 30, 10, 0, 0, Cdmx)), (email.Status, email.HeldUntil));

        // 10:00: the held e-mail is queued and delivered.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 10, 0, 0, Cdmx));
        await alerts.RunAsync(Ct);
        await factory.Services.GetRequiredService<AlertDelivery>().DeliverAsync(email.Id, false, Ct);
        Assert.Equal(nameof(AlertStatus.Sent), (await EmailAlertAsync(caseId)).Status);
        Assert.True(File.Exists(Path.Combine(factory.MailFolder, $"alert-{email.Id}-0.eml")));
    }

    private async Task<JsonElement> SlaOfAsync(string caseId)
    {
        using var response = await factory.CreateClient(TableroFactory.ReadKey).GetAsync($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("sla").Clone();
    }

    private async Task<(long Id, string Status, DateTimeOffset? HeldUntil)> EmailAlertAsync(string caseId)
    {
        await using var connection = await factory.Services.GetRequiredService<ConnectionFactory>().OpenAsync(Ct);
        var row = await connection.QuerySingleAsync<(long, string, string?)>(
            "SELECT id, status, held_until_utc FROM alerts WHERE case_id = @caseId AND level = 1 AND channel = 'Email'", new { caseId });
        return (row.Item1, row.Item2, row.Item3 is null ? null : DateTimeOffset.Parse(row.Item3 + "Z", CultureInfo.InvariantCulture));
    }
}
