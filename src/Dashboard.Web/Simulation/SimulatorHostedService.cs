using Dashboard.Simulator;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Ingestion;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Simulation;

/// <summary>
/// Runs the simulator inside the host when <c>Simulator:Enabled</c> is true. Its batches go through
/// <see cref="IngestionService"/>, the same validation, rules and live feed as the HTTP API; only the HTTP
/// hop is skipped, since a server calling itself over the network gains nothing.
/// </summary>
public sealed class SimulatorHostedService(
    IOptions<SimulatorOptions> options,
    CatalogueService catalogue,
    IngestionService ingestion,
    SimulatorHandover handover,
    TimeProvider time,
    ILogger<SimulatorHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var snapshot = catalogue.Current.Snapshot;
        if (snapshot.Units.Count == 0)
        {
            logger.LogWarning("The simulator is enabled but the catalogue is empty; set Demo:LoadCatalogue or load a catalogue");
            return;
        }

        logger.LogInformation("Simulator: about {Rate} new cases a minute across {Units} units, time ×{Scale}", settings.CasesPerMinute, snapshot.Units.Count, settings.TimeScale);
        // The simulator that wrote the demo history goes on with its open cases; a restart starts a new one.
        var simulator = handover.Take() ?? new CaseSimulator(snapshot, settings, time.GetUtcNow());
        simulator.OpenMailboxesAtNextTick();
        var runner = new SimulatorRunner(simulator, new IngestionSink(ingestion, logger), settings, time, message => logger.LogWarning("Simulator: {Message}", message));
        await runner.RunAsync(stoppingToken);
    }
}
