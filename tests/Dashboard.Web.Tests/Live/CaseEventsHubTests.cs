using System.Net.Http.Json;
using System.Threading.Channels;
using Dashboard.Core.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Live;

public sealed class CaseEventsHubTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HubConnection Connect(string apiKey) => new HubConnectionBuilder()
        .WithUrl(new Uri(factory.Server.BaseAddress, "hubs/cases"), o =>
        {
            o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
            o.Headers.Add("X-Api-Key", apiKey);
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
        })
        .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
        .Build();

    [Fact]
    public async Task Join_RegionGroup_ReceivesEventsOfThatRegionOnly()
    {
        _ = factory.Services.GetRequiredService<ILiveFeed>();
        await using var hub = Connect(TableroFactory.JaliscoKey);
        var received = Channel.CreateUnbounded<LiveCaseEvent>();
        hub.On<LiveCaseEvent[]>("caseEvents", batch =>
        {
            foreach (var e in batch)
            {
                received.Writer.TryWrite(e);
            }
        });
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<long>("Join", "region:IMSS-JAL", Ct);

        using var admin = factory.CreateClient(TableroFactory.IngestKey);
        var outside = $"QJ-NL-{Guid.NewGuid():N}"[..20];
        var inside = $"QJ-JAL-{Guid.NewGuid():N}"[..20];
        await admin.PostAsJsonAsync("/api/v1/events", EventJson.Opened(outside, TableroFactory.NuevoLeonUnit.Code), Ct);
        await admin.PostAsJsonAsync("/api/v1/events", EventJson.Opened(inside, TableroFactory.JaliscoUnit.Code, complex: true), Ct);

        var first = await received.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(inside, first.CaseId);
        Assert.Equal("IMSS-JAL", first.RegionCode);
        Assert.True(first.Complex);
    }

    [Fact]
    public async Task Join_InstitutionGroup_ReceivesEveryRegionOfThatInstitutionAndNoneOfTheOther()
    {
        _ = factory.Services.GetRequiredService<ILiveFeed>();
        var essaludUnit = TableroFactory.Catalogue.Units.First(u => u.Institution == Core.Catalogue.Institution.EsSalud);
        await using var hub = Connect(TableroFactory.ReadKey);
        var received = Channel.CreateUnbounded<LiveCaseEvent>();
        hub.On<LiveCaseEvent[]>("caseEvents", batch =>
        {
            foreach (var e in batch)
            {
                received.Writer.TryWrite(e);
            }
        });
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<long>("Join", "institution:ESSALUD", Ct);

        using var admin = factory.CreateClient(TableroFactory.IngestKey);
        var imss = $"QJ-NL-{Guid.NewGuid():N}"[..20];
        var essalud = $"RC-{Guid.NewGuid():N}"[..20];
        await admin.PostAsJsonAsync("/api/v1/events", EventJson.Opened(imss, TableroFactory.NuevoLeonUnit.Code), Ct);
        var reclamo = EventJson.Opened(essalud, essaludUnit.Code);
        reclamo["data"]!["insuredId"] = "45678912";
        using var posted = await admin.PostAsJsonAsync("/api/v1/events", reclamo, Ct);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync(Ct));

        var first = await received.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(essalud, first.CaseId);
        Assert.Equal(essaludUnit.RegionCode, first.RegionCode);
    }

    [Fact]
    public async Task Join_AnswersTheEndOfTheLog_EvenForEventsTheFeedNeverPublished()
    {
        // Committed straight to the store, as before a restart: this process's feed never saw it.
        var opened = new Core.Cases.CaseEvent(Guid.NewGuid(), $"QJ-{Guid.NewGuid():N}"[..20], DateTimeOffset.UtcNow,
            new Core.Cases.CaseOpenedData(TableroFactory.JaliscoUnit.Code, Core.Cases.CaseKind.Complaint, Core.Cases.Channel.Module, "waiting-time", Core.Cases.Priority.Medium, false, "Espera en ventanilla."));
        var context = factory.Services.GetRequiredService<Dashboard.Web.Catalogue.CatalogueService>().Context;
        var stored = await new Dashboard.Data.Stores.CaseEventAppender(factory.Services.GetRequiredService<Dashboard.Data.ConnectionFactory>(), factory.Services.GetRequiredService<Dashboard.Data.SqlScripts>()).AppendGroupAsync([[Core.Cases.EncodedEvent.Of(opened, Core.Cases.CaseActor.Source("tests"))]], DateTimeOffset.UtcNow, context, Ct);
        var sequence = stored[0].Results[0].Sequence;
        await using var hub = Connect(TableroFactory.JaliscoKey);
        await hub.StartAsync(Ct);

        var catchUpFrom = await hub.InvokeAsync<long>("Join", "region:IMSS-JAL", Ct);

        Assert.True(factory.Services.GetRequiredService<ILiveFeed>().LastSequence < sequence);
        Assert.True(catchUpFrom >= sequence, $"Join answered {catchUpFrom}, the log ends at {sequence} or later");
    }

    [Fact]
    public async Task Join_GroupOutsideKeyScope_IsRefused()
    {
        await using var hub = Connect(TableroFactory.JaliscoKey);
        await hub.StartAsync(Ct);

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<long>("Join", "region:IMSS-NL", Ct));

        Assert.Contains("outside this credential's scope", error.Message);
    }

    [Fact]
    public async Task Connect_WithoutKey_IsUnauthorized()
    {
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "hubs/cases"), o => o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler())
            .Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync(Ct));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task ReadAfter_ReturnsMissedEventsInScopeAndInOrder()
    {
        using var admin = factory.CreateClient(TableroFactory.IngestKey);
        await using var hub = Connect(TableroFactory.JaliscoKey);
        await hub.StartAsync(Ct);
        var from = await hub.InvokeAsync<long>("Join", "region:IMSS-JAL", Ct);
        var ids = Enumerable.Range(0, 3).Select(i => $"QJ-RA{i}-{Guid.NewGuid():N}"[..20]).ToArray();
        foreach (var id in ids)
        {
            await admin.PostAsJsonAsync("/api/v1/events", EventJson.Opened(id, TableroFactory.JaliscoUnit.Code), Ct);
        }

        await admin.PostAsJsonAsync("/api/v1/events", EventJson.Opened($"QJ-NLX-{Guid.NewGuid():N}"[..20], TableroFactory.NuevoLeonUnit.Code), Ct);

        var missed = await hub.InvokeAsync<LiveCaseEvent[]>("ReadAfter", from, 100, Ct);

        Assert.Equal(ids, missed.Select(e => e.CaseId).Where(ids.Contains));
        Assert.All(missed, e => Assert.Equal("IMSS-JAL", e.RegionCode));
        Assert.Equal(missed.Select(e => e.Sequence).Order(), missed.Select(e => e.Sequence));
    }
}
