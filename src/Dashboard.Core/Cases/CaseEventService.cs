using Dashboard.Core.Catalogue;
using Dashboard.Core.Live;
using Dashboard.Core.Storage;

namespace Dashboard.Core.Cases;

/// <summary>
/// The one way in for every change of a case, from a source system, a person or a job:
/// append durably (rules checked in the store's transaction), then publish to the live feed, then answer.
/// </summary>
public sealed class CaseEventService(ICaseEventStore store, ILiveFeed feed, Func<CatalogueIndex> catalogue, TimeProvider time) : IDisposable
{
    // The database already lets one appender write at a time; holding the gate until the publish too
    // keeps the live feed in sequence order, so a subscriber never sees 12 before 11.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<AppendResult> AppendAsync(IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var result = await store.AppendAsync(events, time.GetUtcNow(), catalogue().FindUnit, cancellationToken);
            if (result.Outcome == AppendOutcome.Committed && result.NewEvents.Count > 0)
            {
                feed.Publish(result.NewEvents.Select(LiveCaseEvent.From).ToArray());
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
