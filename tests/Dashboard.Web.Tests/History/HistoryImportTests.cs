using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Data;
using Dashboard.Simulator;
using Dashboard.Web.Alerts;
using Dashboard.Web.Catalogue;
using Dashboard.Web.History;
using Dashboard.Web.Ingestion;
using Dashboard.Web.Sla;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.History;

/// <summary>The host on a fake clock of its own, its recurring sweep never firing by itself (the tests run it when they mean to).</summary>
public sealed class ClockedFactory(DateTimeOffset now) : TableroFactory
{
    public FakeTimeProvider Clock { get; } = new(now);

    protected override void Customize(IWebHostBuilder builder)
    {
        // Hangfire's Cron.Never(): an import runs with the service's sweep stopped, as the command requires.
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?> { ["Sla:SweepCron"] = "0 0 31 2 *" }));
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

[Collection(Dashboard.Web.Tests.Simulation.FakeClockHostsCollection.Name)]
public sealed class HistoryImportTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Wednesday 2 Dec 2026, noon in Mexico City: the import begins; the history is the three days before.</summary>
    private static readonly DateTimeOffset ImportBegins = new(2026, 12, 2, 12, 0, 0, TimeSpan.FromHours(-6));

    private readonly string _folder = Directory.CreateTempSubdirectory("tablero-history-").FullName;

    [Fact]
    public async Task Import_SimulatedHistory_RecordsClocksBreachesAndEscalationsAsLive_AndAlertsNobody()
    {
        var (file, events) = WriteHistory();

        await using var imported = new ClockedFactory(ImportBegins);
        var result = await imported.Services.GetRequiredService<HistoryImport>().RunAsync([file], TextWriter.Null, Ct);
        Assert.False(result.Failed);
        Assert.Equal(0, result.Refused);
        Assert.Equal(events.Count, result.Events);
        await imported.Services.GetRequiredService<AlertJob>().RunAsync(Ct);

        // The same events live: each one arrives at its time, and the sweep, which runs every second, runs at every
        // deadline in between.
        await using var live = new ClockedFactory(events[0].OccurredAt.AddMinutes(-1));
        var ingestion = live.Services.GetRequiredService<IngestionService>();
        foreach (var (json, at) in events.OrderBy(e => e.OccurredAt))
        {
            await SweepUntilAsync(live, at.AddTicks(-1));
            Assert.Equal(IngestionStatus.Accepted, (await ingestion.IngestAsync(JsonSerializer.SerializeToElement(json), ReadScope.All, Core.Cases.CaseActor.Source("tests"), Ct)).Status);
        }

        await SweepUntilAsync(live, ImportBegins.AddTicks(-1));
        await live.Services.GetRequiredService<AlertJob>().RunAsync(Ct);

        var expected = await SlaOutcomeAsync(live);
        var actual = await SlaOutcomeAsync(imported);
        Assert.Contains(expected.SlaEvents, e => e.StartsWith(nameof(CaseEventType.SlaBreached), StringComparison.Ordinal));
        Assert.Contains(expected.SlaEvents, e => e.StartsWith(nameof(CaseEventType.CaseEscalated), StringComparison.Ordinal));
        Assert.True(expected.SlaEvents.SequenceEqual(actual.SlaEvents),
            $"live only: {string.Join("; ", expected.SlaEvents.Except(actual.SlaEvents).Take(5))}; imported only: {string.Join("; ", actual.SlaEvents.Except(expected.SlaEvents).Take(5))}");
        Assert.Equal(expected.Cases, actual.Cases);
        Assert.True(expected.Alerts > 0, "live, the same escalations alert their recipients");
        Assert.Equal(0, actual.Alerts);

        // Who did it: the import for what the file holds, the sweep for the clocks it ran while importing.
        await using var connection = await imported.Services.GetRequiredService<ConnectionFactory>().OpenAsync(Ct);
        var actors = (await connection.QueryAsync<(string Type, string Actor)>("SELECT type, actor FROM case_events")).ToArray();
        Assert.All(actors.Where(a => a.Type == nameof(CaseEventType.CaseOpened)), a => Assert.Equal(CaseActor.HistoryImport(Path.GetFileName(file)), CaseActor.FromJson(a.Actor)));
        Assert.All(actors.Where(a => a.Type is nameof(CaseEventType.SlaBreached) or nameof(CaseEventType.CaseEscalated)), a => Assert.Equal(CaseActor.SlaSweep, CaseActor.FromJson(a.Actor)));
    }

    [Fact]
    public async Task Import_InterruptedThenRunAgain_ResumesAfterTheLastStoredLine_AndEndsAsAnUninterruptedImport()
    {
        var (file, events) = WriteHistory();
        await using var whole = new ClockedFactory(ImportBegins);
        await whole.Services.GetRequiredService<HistoryImport>().RunAsync([file], TextWriter.Null, Ct);

        await using var interrupted = new ClockedFactory(ImportBegins);
        var services = interrupted.Services;
        // A clock that moves a second whenever it is read, so the import reports its progress every few lines.
        var clock = new FakeTimeProvider(ImportBegins) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        HistoryImport Import() => new(services.GetRequiredService<CaseEventService>(), services.GetRequiredService<ICaseReader>(), services.GetRequiredService<ICaseEventLog>(),
            services.GetRequiredService<IHistoryImportStore>(), services.GetRequiredService<CatalogueService>(), clock) { BatchEvents = 100 };

        // Stopped (Ctrl+C) once the progress shows the first lines stored.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var progress = new StopAfterLines(stop, services.GetRequiredService<IHistoryImportStore>());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Import().RunAsync([file], progress, stop.Token));
        var stoppedAt = Assert.Single(await services.GetRequiredService<IHistoryImportStore>().ReadAllAsync(Ct));
        Assert.InRange(stoppedAt.LinesDone, 1, events.Count - 1);
        Assert.Null(stoppedAt.CompletedAt);

        var output = new StringWriter();
        var resumed = await Import().RunAsync([file], output, Ct);
        Assert.False(resumed.Failed);
        Assert.Contains($"resuming after line {stoppedAt.LinesDone:N0}", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(events.Count - stoppedAt.LinesDone, resumed.Events);
        Assert.Equal(0, (await SlaOutcomeAsync(interrupted)).Alerts);

        // Both brought to the same instant by the live sweep. The resumed import's own clock moved on while it ran (its
        // first start is the line between past and present), so a deadline falling at that very instant is stored by
        // the import in one run and by the sweep in the other — once either way, with the same id.
        await SweepUntilAsync(whole, ImportBegins.AddHours(1));
        await SweepUntilAsync(interrupted, ImportBegins.AddHours(1));
        var (wholeSla, wholeCases, _) = await SlaOutcomeAsync(whole);
        var (resumedSla, resumedCases, _) = await SlaOutcomeAsync(interrupted);
        Assert.Equal(wholeSla, resumedSla);
        Assert.Equal(wholeCases, resumedCases);
        Assert.Equal(await EventCountAsync(whole), await EventCountAsync(interrupted));

        // Once complete, the same file again is nothing to do.
        var again = new StringWriter();
        Assert.Equal(0, (await Import().RunAsync([file], again, Ct)).Events);
        Assert.Contains("imported already", again.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Three days of the demo stream at a quiet rate, one event per line, ending before the import begins.</summary>
    private (string File, List<(JsonObject Json, DateTimeOffset OccurredAt)> Events) WriteHistory()
    {
        var start = ImportBegins.AddDays(-3);
        var simulator = new CaseSimulator(TableroFactory.Catalogue, new SimulatorOptions { CasesPerMinute = 0.15, Seed = 18, MailboxBacklog = TimeSpan.FromHours(6) }, start);
        var events = new List<(JsonObject, DateTimeOffset)>();
        for (var at = start; at < ImportBegins.AddMinutes(-5); at += TimeSpan.FromMinutes(1))
        {
            events.AddRange(simulator.Tick(at).Select(e => (e, DateTimeOffset.Parse(e["occurredAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))));
        }

        var file = Path.Combine(_folder, "history.ndjson");
        File.WriteAllLines(file, events.Select(e => e.Item1.ToJsonString()));
        return (file, events);
    }

    private static async Task<(string[] SlaEvents, string[] Cases, long Alerts)> SlaOutcomeAsync(TableroFactory factory)
    {
        await using var connection = await factory.Services.GetRequiredService<ConnectionFactory>().OpenAsync(Ct);
        var sla = await connection.QueryAsync<string>(
            "SELECT type || ' ' || event_id || ' ' || occurred_at_utc FROM case_events WHERE type IN ('SlaWarning', 'SlaBreached', 'CaseEscalated') ORDER BY 1");
        var cases = await connection.QueryAsync<string>(
            """
            SELECT case_id || ' ' || status || ' ' || escalation_level || ' ' || COALESCE(sla_state, '-') || ' ' || COALESCE(first_response_breached_utc, '-')
                || ' ' || COALESCE(resolution_breached_utc, '-') || ' ' || COALESCE(next_deadline_utc, '-')
            FROM cases ORDER BY case_id
            """);
        return (sla.ToArray(), cases.ToArray(), await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM alerts"));
    }

    /// <summary>The clock moved to <paramref name="until"/> through every deadline on the way, the sweep running at each.</summary>
    private static async Task SweepUntilAsync(ClockedFactory factory, DateTimeOffset until)
    {
        var sweep = factory.Services.GetRequiredService<SlaSweepJob>();
        await using var connection = await factory.Services.GetRequiredService<ConnectionFactory>().OpenAsync(Ct);
        while (await connection.ExecuteScalarAsync<string?>("SELECT MIN(next_deadline_utc) FROM cases WHERE next_deadline_utc > @Now AND next_deadline_utc <= @Until",
                   new { Now = factory.Clock.GetUtcNow(), Until = until }) is { } next)
        {
            factory.Clock.SetUtcNow(DateTimeOffset.Parse(next + "Z", System.Globalization.CultureInfo.InvariantCulture));
            await sweep.RunAsync(Ct);
        }

        if (until > factory.Clock.GetUtcNow())
        {
            factory.Clock.SetUtcNow(until);
            await sweep.RunAsync(Ct);
        }
    }

    private static async Task<long> EventCountAsync(TableroFactory factory)
    {
        await using var connection = await factory.Services.GetRequiredService<ConnectionFactory>().OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM case_events");
    }

    /// <summary>A console that presses Ctrl+C once the import has stored some lines.</summary>
    private sealed class StopAfterLines(CancellationTokenSource stop, IHistoryImportStore imports) : StringWriter
    {
        public override async Task WriteLineAsync(string? value)
        {
            await base.WriteLineAsync(value);
            if ((await imports.ReadAllAsync()).Any(r => r.LinesDone > 0))
            {
                await stop.CancelAsync();
            }
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
