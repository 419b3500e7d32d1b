using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;

namespace Dashboard.Core.Storage;

public static class CaseEventStoreExtensions
{
    /// <summary>Appends one batch on its own: a group of one.</summary>
    public static async Task<AppendResult> AppendAsync(this ICaseEventStore store, IReadOnlyList<CaseEvent> events, DateTimeOffset recordedAt, Func<string, Unit?> findUnit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return (await store.AppendGroupAsync([events], recordedAt, findUnit, cancellationToken))[0];
    }
}
