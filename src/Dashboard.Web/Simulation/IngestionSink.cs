using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Storage;
using Dashboard.Simulator;
using Dashboard.Web.Ingestion;

namespace Dashboard.Web.Simulation;

/// <summary>The simulator's batches into the host's own ingestion path (parser, scope, rules, feed), without the HTTP hop.</summary>
public sealed class IngestionSink(IngestionService ingestion, ILogger logger) : IEventSink
{
    public async Task<bool> SendAsync(JsonArray batch, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToElement(batch);
        var outcome = await ingestion.IngestAsync(body, ReadScope.All, Core.Cases.CaseActor.DemoSimulator, cancellationToken);
        if (outcome.Status != IngestionStatus.Accepted)
        {
            logger.LogError("Simulator batch refused ({Status}): {Errors}", outcome.Status, string.Join("; ", outcome.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        }

        return outcome.Status == IngestionStatus.Accepted;
    }
}
