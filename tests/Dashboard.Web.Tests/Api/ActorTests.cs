using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Web.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Api;

/// <summary>Every stored change says who made it, on every path it can come by.</summary>
public sealed class ActorTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SourceSystemEvent_CarriesItsKeyAndItsOwnUser_AndTheSweepsBreachSaysItWasTablero()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var caseId = $"QJ-{Guid.NewGuid():N}"[..20];
        var opened = EventJson.Opened(caseId, TableroFactory.JaliscoUnit.Code, complex: true);
        opened["occurredAt"] = DateTimeOffset.UtcNow.AddDays(-14).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        opened["actor"] = "jperez.siq";
        using (var posted = await client.PostAsJsonAsync("/api/v1/events", opened, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        await factory.Services.GetRequiredService<SlaSweepJob>().RunAsync(Ct);

        var events = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/cases/{caseId}?include=events", Ct)).RootElement.GetProperty("events").EnumerateArray().ToArray();
        var source = events.Single(e => e.GetProperty("type").GetString() == "CaseOpened").GetProperty("actor");
        Assert.Equal(("Source", "ingest-all", "jperez.siq"), (source.GetProperty("kind").GetString(), source.GetProperty("name").GetString(), source.GetProperty("onBehalfOf").GetString()));
        var sweep = events.First(e => e.GetProperty("type").GetString() == "SlaBreached").GetProperty("actor");
        Assert.Equal(("System", "sla-sweep"), (sweep.GetProperty("kind").GetString(), sweep.GetProperty("id").GetString()));
        Assert.True(events.Where(e => e.GetProperty("type").GetString() == "CaseEscalated").All(e => e.GetProperty("actor").GetProperty("id").GetString() == "sla-sweep"));
    }

    [Fact]
    public async Task ActorLongerThanASourcesUserName_IsRefusedByName_AndNothingIsStored()
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var caseId = $"QJ-{Guid.NewGuid():N}"[..20];
        var opened = EventJson.Opened(caseId, TableroFactory.JaliscoUnit.Code);
        opened["actor"] = new string('x', 129);

        using var response = await client.PostAsJsonAsync("/api/v1/events", opened, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Contains("128", problem.GetProperty("errors").GetProperty("actor")[0].GetString(), StringComparison.Ordinal);
        using var read = await client.GetAsync($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }
}
