using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla.Calendars;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Sla;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Components;

/// <summary>The demo catalogue loaded into a <see cref="CatalogueService"/> without a database, for component tests.</summary>
internal static class TestCatalogue
{
    public static CatalogueService Create()
    {
        var catalogue = new CatalogueService(new DemoCatalogueStore(), new NoHolidays(), Options.Create(new SlaOptions()));
        catalogue.ReloadAsync(Xunit.TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        return catalogue;
    }

    private sealed class DemoCatalogueStore : ICatalogueStore
    {
        public Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task UpsertAsync(CatalogueSnapshot catalogue, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<CatalogueSnapshot> ReadAllAsync(CancellationToken cancellationToken = default) => Task.FromResult(TableroFactory.Catalogue);
    }

    private sealed class NoHolidays : IHolidayStore
    {
        public Task<IReadOnlyList<(string Country, Holiday Day)>> ReadAllAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<(string, Holiday)>>([]);

        public Task UpsertAsync(string country, Holiday day, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> DeleteAsync(string country, DateOnly date, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
