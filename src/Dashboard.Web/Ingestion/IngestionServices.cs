using Dashboard.Core.Live;
using Dashboard.Data;
using Dashboard.Data.Stores;
using Dashboard.Web.Catalogue;

namespace Dashboard.Web.Ingestion;

/// <summary>The one way in for every change of a case, and the ingestion path every source uses.</summary>
public static class IngestionServices
{
    public static IServiceCollection AddTableroIngestion(this IServiceCollection services)
    {
        // The one way in: the service is built with the data layer's appender, which is registered nowhere.
        services.AddSingleton(sp => CaseEventWriting.CreateService(
            sp.GetRequiredService<ConnectionFactory>(),
            sp.GetRequiredService<SqlScripts>(),
            sp.GetRequiredService<ILiveFeed>(),
            () => sp.GetRequiredService<CatalogueService>().Context,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Telemetry.TableroMetrics>()));
        services.AddSingleton<IngestionService>();
        return services;
    }
}
