using Dashboard.Core.Cases;

namespace Dashboard.Core.Storage;

public static class CaseEventStoreExtensions
{
    /// <summary>Appends one batch on its own: a group of one.</summary>
    public static async Task<AppendResult> AppendAsync(this ICaseEventStore store, IReadOnlyList<CaseEvent> events, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return (await store.AppendGroupAsync([events], recordedAt, context, cancellationToken))[0];
    }

    /// <summary>A group of batches not yet encoded (tools and tests; the service encodes on the callers' threads).</summary>
    public static Task<IReadOnlyList<AppendResult>> AppendGroupAsync(this ICaseEventStore store, IReadOnlyList<IReadOnlyList<CaseEvent>> batches, DateTimeOffset recordedAt, CaseContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(batches);
        return store.AppendGroupAsync(batches.Select(b => (IReadOnlyList<EncodedEvent>)b.Select(EncodedEvent.Of).ToArray()).ToArray(), recordedAt, context, cancellationToken);
    }
}
