using System.Text.Json.Nodes;

namespace Dashboard.Simulator;

/// <summary>Where the simulator sends its batches: the ingestion API over HTTP, or the host's own ingestion path.</summary>
public interface IEventSink
{
    /// <summary>True when the batch was stored (accepted or duplicate); false when it was refused for good.</summary>
    Task<bool> SendAsync(JsonArray batch, CancellationToken cancellationToken);
}
