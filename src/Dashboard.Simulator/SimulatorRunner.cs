using System.Text.Json.Nodes;

namespace Dashboard.Simulator;

/// <summary>
/// Drives a <see cref="CaseSimulator"/> on a timer and delivers its events to a sink in batches of at most 1,000.
/// A batch that could not be delivered is sent again with the same event ids (ingestion is idempotent).
/// </summary>
public sealed class SimulatorRunner(CaseSimulator simulator, IEventSink sink, SimulatorOptions options, TimeProvider time, Action<string>? log = null)
{
    public const int MaxBatch = 1000;

    private readonly List<JsonObject> _pending = [];

    public long Sent { get; private set; }

    public long Refused { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.TickInterval, time);
        try
        {
            do
            {
                await TickAsync(cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is normal.
        }
    }

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        _pending.AddRange(simulator.Tick(time.GetUtcNow()));
        while (_pending.Count > 0)
        {
            var take = Math.Min(MaxBatch, _pending.Count);
            var batch = new JsonArray(_pending.Take(take).Select(e => (JsonNode)e.DeepClone()).ToArray());
            try
            {
                if (await sink.SendAsync(batch, cancellationToken))
                {
                    Sent += take;
                }
                else
                {
                    Refused += take;
                    log?.Invoke($"the ingestion path refused a batch of {take} events; they are dropped");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A demo stream must never take its host down: keep the batch and try again on the next tick.
                log?.Invoke($"could not deliver {take} events ({ex.GetType().Name}: {ex.Message}); retrying on the next tick");
                return;
            }

            _pending.RemoveRange(0, take);
        }
    }
}
