using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;

namespace Dashboard.Web.Catalogue;

/// <summary>Holds the catalogue in memory for lookups on every event; reloaded whole after it changes.</summary>
public sealed class CatalogueService(ICatalogueStore store)
{
    private volatile CatalogueIndex _current = CatalogueIndex.Empty;

    public CatalogueIndex Current => _current;

    public async Task ReloadAsync(CancellationToken cancellationToken = default) =>
        _current = new CatalogueIndex(await store.ReadAllAsync(cancellationToken));

    public async Task UpsertAsync(CatalogueSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        await store.UpsertAsync(snapshot, cancellationToken);
        await ReloadAsync(cancellationToken);
    }
}
