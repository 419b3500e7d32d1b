using Dashboard.Data;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Infrastructure;

/// <summary>Hangfire: its storage follows the database (in memory with SQLite, SQL Server's own otherwise).</summary>
public static class JobServices
{
    public static IServiceCollection AddTableroJobs(this IServiceCollection services)
    {
        // Each host gets its own storage from DI: AddHangfire's default goes through the static JobStorage.Current,
        // which several hosts in one process (the tests) would share.
        services.AddSingleton<JobStorage>(sp =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return database.Provider == DatabaseProvider.SqlServer
                ? new Hangfire.SqlServer.SqlServerStorage(database.ConnectionString)
                // Nothing is lost with an in-memory job store on restart: the sweep recomputes from the projection and
                // pending alert deliveries are queued again from the alerts table at start.
                : new InMemoryStorage(new InMemoryStorageOptions());
        });
        // Jobs are built from this host's services: the default, JobActivator.Current, is static too, and with
        // several hosts in one process a job ran with the services of whichever host configured Hangfire last.
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings().UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer(o => o.SchedulePollingInterval = TimeSpan.FromSeconds(1));
        return services;
    }
}
