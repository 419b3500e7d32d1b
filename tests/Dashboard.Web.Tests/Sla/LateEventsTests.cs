using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Catalogue;
using Dashboard.Web.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Sla;

/// <summary>Clocks follow when things happened: an event that arrives after the sweep acted on its absence puts things right.</summary>
public sealed class LateEventsTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string At(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(-6)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task LateAssignment_BeforeTheFirstResponseDeadline_WithdrawsTheBreachAndStandsTheEscalationDown()
    {
        // A mistreatment complaint at a regional hospital (open day and night), opened five hours ago: the sweep
        // breaches its first response and takes it to the unit's director.
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var unit = TableroFactory.Catalogue.Units.First(u => u.Type == UnitType.Hgr && u.RegionCode == "IMSS-JAL");
        var caseId = $"QJ-{Guid.NewGuid():N}"[..20];
        var openedAt = DateTimeOffset.UtcNow.AddHours(-5);
        var opened = EventJson.Opened(caseId, unit.Code);
        opened["occurredAt"] = At(openedAt);
        (await client.PostAsJsonAsync("/api/v1/events", opened, Ct)).EnsureSuccessStatusCode();
        await factory.Services.GetRequiredService<SlaSweepJob>().RunAsync(Ct);
        var before = await JsonAsync(await client.GetAsync($"/api/v1/cases/{caseId}", Ct));
        Assert.Equal(("Breached", 1), (before.GetProperty("sla").GetProperty("slaState").GetString(), before.GetProperty("escalationLevel").GetInt32()));
        var due = before.GetProperty("sla").GetProperty("firstResponseDueAt").GetDateTimeOffset();

        // The técnica's assignment, half an hour before the deadline, arrives now from a module on a poor connection.
        var assigned = EventJson.Of("CaseAssigned", caseId, new JsonObject { ["agentId"] = "TAO-104233" });
        assigned["occurredAt"] = At(due.AddMinutes(-30));
        using var answer = await client.PostAsJsonAsync("/api/v1/events", assigned, Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("1 breach(es) withdrawn", (await JsonAsync(answer)).GetProperty("results")[0].GetProperty("note").GetString(), StringComparison.Ordinal);
        var after = await JsonAsync(await client.GetAsync($"/api/v1/cases/{caseId}?include=events", Ct));
        Assert.Equal(("Assigned", 0), (after.GetProperty("status").GetString(), after.GetProperty("escalationLevel").GetInt32()));
        Assert.NotEqual("Breached", after.GetProperty("sla").GetProperty("slaState").GetString());
        var withdrawal = after.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "SlaBreachWithdrawn");
        Assert.Equal(("FirstResponse", "sla-sweep"), (withdrawal.GetProperty("data").GetProperty("clock").GetString(), withdrawal.GetProperty("actor").GetProperty("id").GetString()));

        // The sweep, running again, does not breach it a second time.
        await factory.Services.GetRequiredService<SlaSweepJob>().RunAsync(Ct);
        var swept = await JsonAsync(await client.GetAsync($"/api/v1/cases/{caseId}", Ct));
        Assert.Equal(0, swept.GetProperty("escalationLevel").GetInt32());
    }

    [Fact]
    public async Task Backlog_APauseAndItsResumeSentTogether_ArePlacedTogether()
    {
        // A module back online sends what it held: a pause and its resume, both before a reassignment already stored.
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var caseId = $"QJ-{Guid.NewGuid():N}"[..20];
        var openedAt = DateTimeOffset.UtcNow.AddHours(-6);
        var opened = EventJson.Opened(caseId, TableroFactory.JaliscoUnit.Code);
        opened["occurredAt"] = At(openedAt);
        opened["data"]!["agentId"] = "TAO-104233";
        var reassigned = EventJson.Of("CaseAssigned", caseId, new JsonObject { ["agentId"] = "TAO-104250" });
        reassigned["occurredAt"] = At(openedAt.AddHours(4));
        (await client.PostAsJsonAsync("/api/v1/events", new JsonArray(opened, reassigned), Ct)).EnsureSuccessStatusCode();
        var paused = EventJson.Of("CasePaused", caseId, new JsonObject { ["reason"] = "AwaitingInsured" });
        paused["occurredAt"] = At(openedAt.AddHours(1));
        var resumed = EventJson.Of("CaseResumed", caseId, new JsonObject());
        resumed["occurredAt"] = At(openedAt.AddHours(2));

        using var answer = await client.PostAsJsonAsync("/api/v1/events", new JsonArray(paused, resumed), Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var results = (await JsonAsync(answer)).GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(2, results.Length);
        Assert.All(results, r => Assert.StartsWith("arrived late", r.GetProperty("note").GetString(), StringComparison.Ordinal));
        Assert.Equal(paused["eventId"]!.GetValue<string>(), results[0].GetProperty("eventId").GetString());
        var after = await JsonAsync(await client.GetAsync($"/api/v1/cases/{caseId}", Ct));
        Assert.Equal(("Assigned", "TAO-104250"), (after.GetProperty("status").GetString(), after.GetProperty("agentId").GetString()));
    }

    [Fact]
    public async Task EventOlderThanTheWindow_IsStoredButLeavesTheSlaHistory_AndTheAnswerSaysSo()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var unit = TableroFactory.Catalogue.Units.First(u => u.Type == UnitType.Hgr && u.RegionCode == "IMSS-JAL");
        var caseId = $"QJ-{Guid.NewGuid():N}"[..20];
        var openedAt = DateTimeOffset.UtcNow.AddDays(-45);
        var opened = EventJson.Opened(caseId, unit.Code);
        opened["occurredAt"] = At(openedAt);
        (await client.PostAsJsonAsync("/api/v1/events", opened, Ct)).EnsureSuccessStatusCode();
        await factory.Services.GetRequiredService<SlaSweepJob>().RunAsync(Ct);

        // A first response within the hour, 45 days ago: before the deadline the sweep breached, but beyond the window.
        var note = EventJson.Of("NoteAdded", caseId, new JsonObject { ["text"] = "Se llamó al derechohabiente." });
        note["occurredAt"] = At(openedAt.AddMinutes(30));
        using var answer = await client.PostAsJsonAsync("/api/v1/events", note, Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("SLA history was not rewritten", (await JsonAsync(answer)).GetProperty("results")[0].GetProperty("note").GetString(), StringComparison.Ordinal);
        var after = await JsonAsync(await client.GetAsync($"/api/v1/cases/{caseId}?include=events", Ct));
        Assert.Equal("Breached", after.GetProperty("sla").GetProperty("slaState").GetString());
        Assert.DoesNotContain(after.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "SlaBreachWithdrawn");
    }
}
