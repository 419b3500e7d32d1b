using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Web.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Sla;

/// <summary>
/// The sweep in the real host: overdue cases get their breach and escalation through the case-event service, once,
/// and the case API shows the clocks. Hangfire's own recurring sweep runs too, so the tests assert on what is
/// stored, never on which sweep wrote it.
/// </summary>
public sealed class SlaSweepTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewCaseId() => $"QJ-{Guid.NewGuid():N}"[..20];

    private async Task OpenAsync(string caseId, TimeSpan ago, bool complex)
    {
        var opened = EventJson.Opened(caseId, TableroFactory.JaliscoUnit.Code, complex);
        opened["occurredAt"] = DateTimeOffset.UtcNow.Subtract(ago).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        using var response = await factory.CreateClient(TableroFactory.IngestKey).PostAsJsonAsync("/api/v1/events", opened, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonElement> ReadCaseAsync(string caseId)
    {
        using var response = await factory.CreateClient(TableroFactory.ReadKey).GetAsync($"/api/v1/cases/{caseId}?include=events", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    private static string[] Types(JsonElement c) => c.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToArray();

    [Fact]
    public async Task Sweep_OverdueComplexCase_IsBreachedAndClimbsTheLadderOnce()
    {
        var caseId = NewCaseId();
        await OpenAsync(caseId, TimeSpan.FromDays(14), complex: true);
        var job = factory.Services.GetRequiredService<SlaSweepJob>();

        await job.RunAsync(Ct);
        await job.RunAsync(Ct);

        var c = await ReadCaseAsync(caseId);
        // Both clocks breached, each recorded once however many sweeps ran.
        Assert.Equal(2, Types(c).Count(t => t == "SlaBreached"));
        Assert.Equal(3, Types(c).Count(t => t == "CaseEscalated"));
        var sla = c.GetProperty("sla");
        Assert.Equal("Breached", sla.GetProperty("slaState").GetString());
        Assert.Equal("imss-complaint-high-complex", sla.GetProperty("policy").GetString());
        Assert.Equal(sla.GetProperty("firstResponseDueAt").GetDateTimeOffset(), sla.GetProperty("breachedAt").GetDateTimeOffset());
        // Two weeks later every rung has passed: unit director, regional committee, central committee.
        Assert.Equal(3, c.GetProperty("escalationLevel").GetInt32());
    }

    [Fact]
    public async Task Sweep_CaseWithTimeLeft_IsLeftOnTrack()
    {
        var caseId = NewCaseId();
        await OpenAsync(caseId, TimeSpan.FromMinutes(1), complex: false);

        await factory.Services.GetRequiredService<SlaSweepJob>().RunAsync(Ct);

        var c = await ReadCaseAsync(caseId);
        Assert.Equal(["CaseOpened"], Types(c));
        var sla = c.GetProperty("sla");
        Assert.Equal("OnTrack", sla.GetProperty("slaState").GetString());
        Assert.True(sla.GetProperty("resolutionDueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(JsonValueKind.Null, sla.GetProperty("breachedAt").ValueKind);
    }

    [Fact]
    public async Task Ingest_SlaBreachedFromASource_IsRefusedWithTheReason()
    {
        var caseId = NewCaseId();
        await OpenAsync(caseId, TimeSpan.FromMinutes(1), complex: false);
        var forged = EventJson.Of("SlaBreached", caseId, new JsonObject { ["clock"] = "Resolution", ["dueAt"] = "2026-11-24T10:00:00Z" });

        using var response = await factory.CreateClient(TableroFactory.IngestKey).PostAsJsonAsync("/api/v1/events", forged, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        Assert.Contains("sources cannot send it", errors.GetProperty("type")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HangfireDashboard_IsForAdministratorsOnly()
    {
        using var anonymous = await factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/hangfire", Ct);
        using var reader = await factory.CreateClient(TableroFactory.ReadKey).GetAsync("/hangfire", Ct);
        using var admin = await factory.CreateClient(TableroFactory.AdminKey).GetAsync("/hangfire", Ct);

        // A person's browser is sent to sign in; a key without the permission is refused.
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/cuenta/entrar", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains(SlaSweepJob.RecurringJobId, await (await factory.CreateClient(TableroFactory.AdminKey).GetAsync("/hangfire/recurring", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
