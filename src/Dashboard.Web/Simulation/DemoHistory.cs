using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Data;
using Dashboard.Simulator;
using Dashboard.Web.Catalogue;
using Dashboard.Web.History;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Simulation;

/// <summary>
/// The demo's past (Development, <c>Demo:HistoryDays</c>): on a first start with an empty log, the simulator lives the
/// last days on a clock of its own, one minute at a time, into <c>{data}/history/demo-history.ndjson</c>, and that file
/// is loaded by <see cref="HistoryImport"/>, the same path as <c>import-history</c>: clocks, breaches and escalations as
/// live, no alert for the past. The simulator that wrote it then continues live (<see cref="SimulatorHandover"/>), so the
/// cases open at the end of the history go on living. A start that finds the file's import unfinished resumes it.
/// </summary>
public static class DemoHistory
{
    public const string FileName = "demo-history.ndjson";

    // Accented letters as themselves: a third smaller than \u escapes, and what a person opening the file expects.
    private static readonly System.Text.Json.JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the history ending at <paramref name="end"/>; answers the simulator, ready to continue live.</summary>
    public static CaseSimulator Write(CatalogueSnapshot catalogue, SimulatorOptions live, DateTimeOffset end, int days, string file)
    {
        ArgumentNullException.ThrowIfNull(live);
        // The past runs in real time whatever the live stream's scale: deadlines did.
        var options = new SimulatorOptions { CasesPerMinute = live.CasesPerMinute, ComplexShare = live.ComplexShare, Seed = live.Seed, TimeScale = 1, MailboxBacklog = live.MailboxBacklog };
        var start = end - TimeSpan.FromDays(days);
        var simulator = new CaseSimulator(catalogue, options, start);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var partial = file + ".partial";
        using (var writer = new StreamWriter(partial, append: false, new System.Text.UTF8Encoding(false), 1 << 16))
        {
            var holdFrom = end - options.MailboxBacklog;
            for (var at = start; at <= end; at += TimeSpan.FromMinutes(1))
            {
                if (at >= holdFrom && at < holdFrom + TimeSpan.FromMinutes(1))
                {
                    // The last day's deposits are still in the mailboxes when the demo starts: the live run opens them.
                    simulator.HoldMailboxesUntil(end + TimeSpan.FromDays(1));
                }

                foreach (var e in simulator.Tick(at))
                {
                    writer.WriteLine(e.ToJsonString(Compact));
                }
            }
        }

        File.Move(partial, file, overwrite: true);
        return simulator;
    }

    /// <summary>Loads the demo history when the log is empty (or its import was interrupted); nothing otherwise.</summary>
    public static async Task LoadAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var demo = services.GetRequiredService<IOptions<Infrastructure.DemoOptions>>().Value;
        if (demo.HistoryDays <= 0)
        {
            return;
        }

        var file = Path.Combine(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolveDataFolder(), "history", FileName);
        var unfinished = (await services.GetRequiredService<IHistoryImportStore>().ReadAllAsync(cancellationToken))
            .Any(r => r.Source.StartsWith(FileName + ":", StringComparison.Ordinal) && r.CompletedAt is null);
        var empty = await services.GetRequiredService<ICaseEventLog>().ReadLastSequenceAsync(cancellationToken) == 0;
        if (!(empty || unfinished && File.Exists(file)))
        {
            return;
        }

        var catalogue = services.GetRequiredService<CatalogueService>().Current.Snapshot;
        if (catalogue.Units.Count == 0)
        {
            return;
        }

        var time = services.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        if (!unfinished || !File.Exists(file))
        {
            var simulator = Write(catalogue, services.GetRequiredService<IOptions<SimulatorOptions>>().Value, time.GetUtcNow(), demo.HistoryDays, file);
            services.GetRequiredService<SimulatorHandover>().Offer(simulator);
            logger.LogInformation("Demo history: {Days} days written to {File} in {Seconds:N1} s; loading it through import-history", demo.HistoryDays, file, time.GetElapsedTime(started).TotalSeconds);
        }

        var result = await services.GetRequiredService<HistoryImport>().RunAsync([file], new LogWriter(logger), cancellationToken);
        logger.LogInformation("Demo history loaded in {Seconds:N1} s (written and imported): {Events:N0} events and {SlaEvents:N0} SLA events, {Refused} refused",
            time.GetElapsedTime(started).TotalSeconds, result.Events, result.SlaEvents, result.Refused);
    }

    /// <summary>The import's progress lines, as log lines.</summary>
    private sealed class LogWriter(ILogger logger) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override void WriteLine(string? value) => logger.LogInformation("{Line}", value);

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }
    }
}

/// <summary>The simulator that wrote the demo history, handed to the live run so its open cases go on.</summary>
public sealed class SimulatorHandover
{
    private CaseSimulator? _simulator;

    public void Offer(CaseSimulator simulator) => _simulator = simulator;

    public CaseSimulator? Take() => Interlocked.Exchange(ref _simulator, null);
}
