using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Security;

/// <summary>A host that re-checks credentials every second and keeps every log line, at every level, for scanning.</summary>
public sealed class RecordingLogsFactory : TableroFactory
{
    public ConcurrentQueue<string> Logs { get; } = new();

    protected override void Customize(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:RevalidateEvery"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        }));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new RecordingLoggerProvider(Logs)));
    }

    private sealed class RecordingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, logs);

        public void Dispose()
        {
        }
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>
/// Revoking a key or a user closes their open hub connections within the revalidation interval (60 s at most, 1 s
/// here); and the insured person's NSS/DNI never reaches hub payloads, logs, request URLs, exports or the audit log.
/// </summary>
public sealed class RevocationAndPersonalDataTests(RecordingLogsFactory factory) : IClassFixture<RecordingLogsFactory>
{
    private const string Nss = "31987654329";
    private const string Dni = "45678912";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HubConnection Connect(Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions> credential) => new HubConnectionBuilder()
        .WithUrl(new Uri(factory.Server.BaseAddress, "hubs/cases"), o =>
        {
            o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
            credential(o);
        })
        .Build();

    [Fact]
    public async Task RevokedApiKey_ItsOpenHubConnectionIsClosedWithinTheInterval()
    {
        var admin = factory.Services.GetRequiredService<AccessAdministration>();
        var system = AccessAdministration.SystemActor("tests");
        var key = (await admin.CreateApiKeyAsync(system, $"kiosco-{Guid.NewGuid():N}"[..16], [Permission.Read], ReadScope.ForRegion("IMSS-JAL"), Ct)).Value!;
        await using var hub = Connect(o => o.Headers.Add("X-Api-Key", key));
        var closed = new TaskCompletionSource();
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<long>("Join", "region:IMSS-JAL", Ct);

        var id = (await factory.Services.GetRequiredService<IAccessStore>().ListApiKeysAsync(Ct)).Single(k => k.KeySha256 == AccessAdministration.Sha256(key)).Id;
        await admin.RevokeApiKeyAsync(system, id, Ct);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact]
    public async Task NarrowedUser_TheirOpenHubConnectionIsClosedAndTheOldSessionNoLongerReads()
    {
        var (id, password) = await factory.CreateUserAsync($"supervision-{Guid.NewGuid():N}"[..20], Role.Supervisor, ReadScope.All);
        var user = (await factory.Services.GetRequiredService<IAccessStore>().ReadUserAsync(id, Ct))!;
        var cookie = await factory.SignInAsync(user.UserName, password);
        await using var hub = Connect(o => o.Headers.Add("Cookie", cookie));
        var closed = new TaskCompletionSource();
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<long>("Join", "all", Ct);

        // The administrator narrows her to one region: the nationwide connection must not stay open.
        Assert.True((await factory.Services.GetRequiredService<AccessAdministration>().UpdateUserAsync(AccessAdministration.SystemActor("tests"), id, user.DisplayName,
            null, Role.Supervisor, ReadScope.ForRegion("IMSS-NL"), Ct)).Succeeded);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        using var old = factory.CreateSessionClient(cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/summary", Ct)).StatusCode);
    }

    [Fact]
    public async Task InsuredIds_NeverReachHubPayloadsLogsUrlsExportsOrTheAuditLog()
    {
        var payloads = new ConcurrentQueue<string>();
        var imss = $"QJ-PII-{Guid.NewGuid():N}"[..18];
        var essalud = $"RC-PII-{Guid.NewGuid():N}"[..18];
        var bothDelivered = new TaskCompletionSource();
        await using var hub = Connect(o => o.Headers.Add("X-Api-Key", TableroFactory.ReadKey));
        hub.On<JsonElement>("caseEvents", batch =>
        {
            payloads.Enqueue(batch.GetRawText());
            if (payloads.Any(p => p.Contains(imss, StringComparison.Ordinal)) && payloads.Any(p => p.Contains(essalud, StringComparison.Ordinal)))
            {
                bothDelivered.TrySetResult();
            }
        });
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<long>("Join", "all", Ct);

        // An IMSS case with an NSS and an EsSalud case with a DNI, read back on every path.
        var essaludUnit = TableroFactory.Catalogue.Units.First(u => u.Institution == Core.Catalogue.Institution.EsSalud).Code;
        var opened = EventJson.Opened(imss, TableroFactory.JaliscoUnit.Code);
        opened["data"]!["insuredId"] = Nss;
        var openedPe = EventJson.Opened(essalud, essaludUnit);
        openedPe["data"]!["insuredId"] = Dni;
        using var ingest = factory.CreateClient(TableroFactory.IngestKey);
        using (var posted = await ingest.PostAsJsonAsync("/api/v1/events", new JsonArray(opened, openedPe), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var (_, password) = await factory.CreateUserAsync($"direccion-{Guid.NewGuid():N}"[..18], Role.Director, ReadScope.All);
        var reads = new List<string>();
        using (var reader = factory.CreateClient(TableroFactory.ReadKey))
        {
            reads.Add(await reader.GetStringAsync($"/api/v1/cases/{imss}?include=events", Ct));
            reads.Add(await reader.GetStringAsync($"/api/v1/cases/{essalud}?include=events", Ct));
            reads.Add(await reader.GetStringAsync("/api/v1/events?after=0&limit=1000", Ct));
            reads.Add(await reader.GetStringAsync("/api/v1/cases?pageSize=200", Ct));
        }

        var users = await factory.Services.GetRequiredService<IAccessStore>().ListUsersAsync(Ct);
        using (var director = factory.CreateSessionClient(await factory.SignInAsync(users.Last(u => u.Role == Role.Director).UserName, password)))
        {
            reads.Add(await director.GetStringAsync("/api/v1/exports/cases.csv", Ct));
            reads.Add(await director.GetStringAsync($"/casos/{imss}", Ct));
        }

        // The hub delivered both cases before anything is scanned.
        await bothDelivered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var audit = await factory.Services.GetRequiredService<IAuditStore>().ListAsync(null, null, 10_000, Ct);

        Assert.Contains(reads, r => r.Contains("*******4329", StringComparison.Ordinal));
        foreach (var (where, texts) in new (string, IEnumerable<string>)[]
                 {
                     ("hub payloads", payloads), ("logs and request URLs", factory.Logs), ("API answers, export and page", reads),
                     ("audit log", audit.Select(a => $"{a.Actor} {a.Detail} {a.CaseId}")),
                 })
        {
            var leaks = texts.Where(t => t.Contains(Nss, StringComparison.Ordinal) || t.Contains(Dni, StringComparison.Ordinal)).ToArray();
            Assert.True(leaks.Length == 0, $"{where}: {leaks.Length} leak(s), e.g. {leaks.FirstOrDefault()}");
        }
    }
}
