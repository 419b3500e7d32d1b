using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Live;
using Dashboard.Core.Storage;
using Dashboard.Web.Live;
using Dashboard.Web.Sla;
using Dashboard.Web.Wall;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Live;

/// <summary>One instance of a scaled-out deployment: the shared database folder and the shared Redis.</summary>
public sealed class Instance(string dataFolder, string redis) : TableroFactory(dataFolder)
{
    // Settings, not app configuration: the host reads the Redis connection string while it registers its services,
    // before a test's app configuration is applied.
    protected override void Customize(IWebHostBuilder builder) => builder
        .UseSetting("ConnectionStrings:Redis", redis)
        .UseSetting("Live:Cluster:CatchUpInterval", "00:00:00.500");
}

/// <summary>A real redis-server and two hosts on one database, as a deployment behind a proxy runs them.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tablero-two-instances-").FullName;

    public RedisServer? Redis { get; private set; }

    public Instance A { get; private set; } = null!;

    public Instance B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        if (Redis is null)
        {
            return;
        }

        A = new Instance(_folder, Redis.ConnectionString);
        B = new Instance(_folder, Redis.ConnectionString);
        // One after the other, as an orchestrator rolls them out: the first migrates the database.
        _ = A.Services;
        _ = B.Services;
    }

    public async ValueTask DisposeAsync()
    {
        if (Redis is not null)
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            await Redis.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// The live feed across instances (issue 23): what one instance commits reaches the other's wall, pages and hub clients
/// once and in order; a Redis outage stops nothing and every screen converges after it; the sweep runs on both and
/// stores each breach once.
/// </summary>
public sealed class TwoInstancesTests(TwoInstances deployment) : IClassFixture<TwoInstances>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static string NewCaseId() => $"QJ-{Guid.NewGuid():N}"[..20];

    private void SkipWithoutRedis() => Assert.SkipWhen(deployment.Redis is null, RedisServer.MissingReason);

    private static async Task OpenAsync(TableroFactory instance, string caseId, TimeSpan? ago = null, bool complex = false)
    {
        var opened = EventJson.Opened(caseId, TableroFactory.JaliscoUnit.Code, complex);
        if (ago is { } before)
        {
            opened["occurredAt"] = DateTimeOffset.UtcNow.Subtract(before).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        }

        using var client = instance.CreateClient(TableroFactory.IngestKey);
        using var response = await client.PostAsJsonAsync("/api/v1/events", opened, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HubConnection ConnectHub(TableroFactory instance) => new HubConnectionBuilder()
        .WithUrl(new Uri(instance.Server.BaseAddress, "hubs/cases"), o =>
        {
            o.HttpMessageHandlerFactory = _ => instance.Server.CreateHandler();
            o.Headers.Add("X-Api-Key", TableroFactory.JaliscoKey);
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
        })
        .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
        .Build();

    [Fact]
    public async Task An_event_committed_on_one_instance_reaches_the_wall_a_page_and_a_hub_client_on_the_other()
    {
        SkipWithoutRedis();
        var caseId = NewCaseId();
        var jalisco = ReadScope.ForRegion("IMSS-JAL");
        var onPage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var onWall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var onHub = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // A page on B follows the feed as every page does (SignedInPage.Watch builds the same view).
        using var page = new LiveView(deployment.B.Services.GetRequiredService<ILiveFeed>(), jalisco, events =>
        {
            if (events.Any(e => e.CaseId == caseId))
            {
                onPage.TrySetResult();
            }

            return Task.CompletedTask;
        }, TimeProvider.System, TimeSpan.FromMilliseconds(50));
        using var wall = await deployment.B.Services.GetRequiredService<WallBoard>().WatchAsync(jalisco, view =>
        {
            if (view.Ticker.Any(t => t.Event.CaseId == caseId))
            {
                onWall.TrySetResult();
            }
        });
        await using var hub = ConnectHub(deployment.B);
        hub.On<LiveCaseEvent[]>(CaseEventsHub.EventsMethod, batch =>
        {
            if (batch.Any(e => e.CaseId == caseId))
            {
                onHub.TrySetResult();
            }
        });
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<long>("Join", "region:IMSS-JAL", Ct);

        await OpenAsync(deployment.A, caseId);

        await Task.WhenAll(onPage.Task, onWall.Task, onHub.Task).WaitAsync(Patience, Ct);
    }

    [Fact]
    public async Task Redis_away_for_ten_seconds_stops_no_ingestion_and_the_other_instance_converges_with_none_missing_or_doubled()
    {
        SkipWithoutRedis();
        var feedA = deployment.A.Services.GetRequiredService<ILiveFeed>();
        var feedB = deployment.B.Services.GetRequiredService<ILiveFeed>();
        var log = deployment.A.Services.GetRequiredService<ICaseEventLog>();
        var seenA = new ConcurrentQueue<long>();
        var seenB = new ConcurrentQueue<long>();
        var from = await log.ReadLastSequenceAsync(Ct);
        using var followA = feedA.Subscribe(ReadScope.All, events => Array.ForEach([.. events], e => seenA.Enqueue(e.Sequence)));
        using var followB = feedB.Subscribe(ReadScope.All, events => Array.ForEach([.. events], e => seenB.Enqueue(e.Sequence)));

        // Cases keep arriving on both instances, as a proxy spreads the técnicas' requests.
        var acknowledged = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var ingestion = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await OpenAsync(i % 2 == 0 ? deployment.A : deployment.B, NewCaseId());
                Interlocked.Increment(ref acknowledged);
            }
        }, CancellationToken.None);

        await WaitUntilAsync(() => Volatile.Read(ref acknowledged) >= 20);
        await deployment.Redis!.StopAsync();
        var outage = System.Diagnostics.Stopwatch.StartNew();
        var beforeOutage = Volatile.Read(ref acknowledged);
        // The outage lasts ten seconds of ingestion that must go on.
        await WaitUntilAsync(() => outage.Elapsed >= TimeSpan.FromSeconds(10) && Volatile.Read(ref acknowledged) >= beforeOutage + 20);
        // Readiness says what is missing, and the instance serves on regardless.
        await WaitUntilReadyIsAsync(deployment.B, HttpStatusCode.ServiceUnavailable);
        await deployment.Redis.StartAgainAsync();
        await WaitUntilReadyIsAsync(deployment.B, HttpStatusCode.OK);
        var afterOutage = Volatile.Read(ref acknowledged);
        await WaitUntilAsync(() => Volatile.Read(ref acknowledged) >= afterOutage + 20);
        await stop.CancelAsync();
        await ingestion;

        var last = await log.ReadLastSequenceAsync(Ct);
        await WaitUntilAsync(() => seenA.Contains(last) && seenB.Contains(last));
        long[] expected = [.. Enumerable.Range(1, (int)(last - from)).Select(i => from + i)];
        // The sweep may add events after `last`, and one committed just before `from` may still have been on its way.
        Assert.Equal(expected, seenA.Where(s => s > from && s <= last).ToArray());
        Assert.Equal(expected, seenB.Where(s => s > from && s <= last).ToArray());
    }

    [Fact]
    public async Task The_sweep_runs_on_both_instances_and_each_breach_is_stored_once()
    {
        SkipWithoutRedis();
        string[] cases = [.. Enumerable.Range(0, 6).Select(_ => NewCaseId())];
        for (var i = 0; i < cases.Length; i++)
        {
            await OpenAsync(i % 2 == 0 ? deployment.A : deployment.B, cases[i], TimeSpan.FromDays(14), complex: true);
        }

        var sweepA = deployment.A.Services.GetRequiredService<SlaSweepJob>();
        var sweepB = deployment.B.Services.GetRequiredService<SlaSweepJob>();
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(sweepA.RunAsync(Ct), sweepB.RunAsync(Ct));
        }

        using var client = deployment.B.CreateClient(TableroFactory.ReadKey);
        foreach (var caseId in cases)
        {
            using var response = await client.GetAsync($"/api/v1/cases/{caseId}?include=events", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var types = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("events").EnumerateArray()
                .Select(e => e.GetProperty("type").GetString()).ToArray();
            // Both clocks breached once, each rung of the ladder climbed once, whichever instance swept.
            Assert.Equal(2, types.Count(t => t == "SlaBreached"));
            Assert.Equal(3, types.Count(t => t == "CaseEscalated"));
        }
    }

    private static async Task WaitUntilReadyIsAsync(TableroFactory instance, HttpStatusCode expected)
    {
        using var client = instance.CreateClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Patience);
        while (true)
        {
            using var ready = await client.GetAsync(Health.HealthServices.ReadyPath, timeout.Token);
            if (ready.StatusCode == expected)
            {
                return;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Patience);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
