using System.Globalization;
using Dashboard.Core.Storage;
using Dashboard.Data;
using Dashboard.Data.Stores;
using Dashboard.Web.Alerts;
using Dashboard.Web.Api;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Committees;
using Dashboard.Web.Components;
using Dashboard.Web.Health;
using Dashboard.Web.History;
using Dashboard.Web.Ingestion;
using Dashboard.Web.Live;
using Dashboard.Web.Profiles;
using Dashboard.Web.Security;
using Dashboard.Web.Simulation;
using Dashboard.Web.Sla;
using Dashboard.Web.Telemetry;
using Dashboard.Web.Wall;
using Hangfire;
using Dashboard.Core.Access;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Infrastructure;

/// <summary>
/// The host in three steps a reader can scan: each area registers itself with its own extension (beside the area:
/// <c>Sla/SlaServices.cs</c>, <c>Alerts/AlertServices.cs</c>, …), the database and jobs are prepared before the first
/// request, and the pipeline and endpoints are mapped in their order.
/// </summary>
public static class TableroHost
{
    public static WebApplicationBuilder AddTablero(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Its "Request starting" line holds the whole URL, where a browser's hub connection carries its key
        // (access_token); every other request log line comes after UseHubAccessTokenFromQuery has removed it.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        services.TryAddSingletonTimeProvider();
        services.AddProblemDetails();
        services.AddExceptionHandler<FaultAnswers>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // A key given twice is a mistake or an attack; the last one silently winning is neither's fix.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        services.AddOpenApi(OpenApiContract.Configure);

        services.AddTableroData(configuration, builder.Environment.ContentRootPath)
            .AddTableroIngestion()
            .AddTableroGracefulStop()
            .AddTableroHistory()
            .AddTableroSecurity(configuration)
            .AddTableroLive(configuration)
            .AddTableroWall(configuration)
            .AddTableroProfiles(configuration)
            .AddTableroCommittees()
            .AddTableroSla(configuration)
            .AddTableroAlerts(configuration)
            .AddTableroJobs()
            .AddTableroUi(builder.Environment)
            .AddTableroSimulator(configuration)
            .AddTableroHealth(configuration)
            .AddTableroTelemetry(configuration);
        return builder;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    /// <summary>Creates or migrates the database and loads the catalogue, before the first request is served.</summary>
    public static async Task InitializeTableroAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The institution profiles first: the catalogue, the SLA engine and every page speak through them.
        app.Services.GetRequiredService<ProfileService>().LoadAtStart();
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        DatabaseMigrator.Migrate(database.Provider, database.ResolveConnectionString());

        var catalogue = app.Services.GetRequiredService<CatalogueService>();
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.LoadCatalogue && await app.Services.GetRequiredService<ICatalogueStore>().IsEmptyAsync())
        {
            await catalogue.UpsertAsync(Dashboard.Simulator.Catalogue.DemoCatalogue.Build());
        }

        await catalogue.ReloadAsync();
        // The overview's daily counters (or the staff roles' alone), filled from the cases at the first start after their
        // migration (minutes for millions of cases; the host is not ready meanwhile, and another instance finding them
        // filled does nothing).
        var filled = await app.Services.GetRequiredService<CaseDaysRebuild>().FillIfNeededAsync();
        if (filled is { } days)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tablero").LogInformation("Case counters filled from the cases: {Counters} counters", days.Counters);
        }

        // A committee for every institution, OOAD/Red and UMAE the catalogue has, before an escalation looks for one.
        await app.Services.GetRequiredService<CommitteeService>().SyncAsync();
        app.Services.ScheduleSlaSweep();
        await app.Services.ScheduleAlertsAsync();
        app.Services.ScheduleRetention();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tablero");
        (IReadOnlyList<string> SignIns, string WallPath)? access = null;
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.SeedDemoUsers)
        {
            access = await DemoAccess.SeedAsync(app.Services.GetRequiredService<AccessAdministration>(), app.Services.GetRequiredService<IAccessStore>(),
                app.Services.GetRequiredService<IDemoSettingsStore>(), catalogue);
            await DemoCommittees.SeedAsync(app.Services.GetRequiredService<Dashboard.Core.Committees.ICommitteeStore>(), app.Services.GetRequiredService<IAccessStore>());
            await Dashboard.Web.Staff.DemoStaff.SeedAsync(app.Services.GetRequiredService<Dashboard.Core.Staff.IStaffStore>(), catalogue.Current,
                DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        }

        if (demo.HistoryDays > 0)
        {
            // Attention volumes for the demo's units, so its complaint charts show rates for some and counts for others.
            await Dashboard.Web.Indicators.DemoVolumes.SeedAsync(app.Services.GetRequiredService<Dashboard.Core.Indicators.IAttentionVolumeStore>(), catalogue.Current.Snapshot,
                app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            // A year of perception surveys with answers per question, the current bimester still coming in.
            await Dashboard.Web.Surveys.DemoSurveys.SeedAsync(app.Services.GetRequiredService<Dashboard.Core.Surveys.ISurveyStore>(), catalogue.Current.Snapshot,
                app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        }

        app.Lifetime.ApplicationStarted.Register(() => AnnounceStart(app, database, access, logger));
    }

    /// <summary>The addresses Kestrel really listens on (a port 0 resolved), whatever the configuration asked for.</summary>
    public static IReadOnlyList<string> BoundAddresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var bound = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
        return bound is { Count: > 0 } ? [.. bound] : [.. app.Urls];
    }

    /// <summary>Where the data is, for a person: the SQLite file's path, or the SQL Server database's name and server (never a password).</summary>
    public static string DescribeData(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ResolveConnectionString()).DataSource;
        }

        var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(database.ResolveConnectionString());
        return $"SQL Server database {sql.InitialCatalog} on {sql.DataSource}";
    }

    private static void AnnounceStart(WebApplication app, DatabaseOptions database, (IReadOnlyList<string> SignIns, string WallPath)? access, ILogger logger)
    {
        var addresses = BoundAddresses(app);
        var units = app.Services.GetRequiredService<CatalogueService>().Current.Snapshot.Units.Count;
        logger.LogInformation("Tablero is running at {Urls} — {Units} units, data in {Where}", string.Join(", ", addresses), units, DescribeData(database));
        if (access is { } demo)
        {
            // The wall's address on the address really bound (a loopback one when there is one), not on the configured default.
            var home = addresses.FirstOrDefault(a => a.Contains("127.0.0.1", StringComparison.Ordinal) || a.Contains("localhost", StringComparison.Ordinal)) ?? (addresses.Count > 0 ? addresses[0] : "");
            logger.LogInformation("Demo sign-ins (new passwords at every start):{NewLine}{Access}{NewLine}Wall display (the same address at every start of this database): {Wall}",
                Environment.NewLine, string.Join(Environment.NewLine, demo.SignIns), Environment.NewLine, home.TrimEnd('/') + demo.WallPath);
        }

        // The demo key is printed only when its hash is really configured, so the line never lies.
        var demoKey = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.ApiKey;
        if (demoKey is { Length: > 0 } && app.Services.GetRequiredService<IOptions<ApiKeyOptions>>().Value.Keys
                .FirstOrDefault(k => string.Equals(k.KeySha256, ApiKeyEntry.HashOf(demoKey), StringComparison.OrdinalIgnoreCase)) is { } entry)
        {
            logger.LogInformation("Demo API key (X-Api-Key): {Key} — permissions {Permissions}, scope {Scope}", demoKey, string.Join("+", entry.Permissions), entry.Scope);
        }
    }

    public static WebApplication MapTablero(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.KnownProxies.Count > 0)
        {
            // First: everything after it (limits, cookies, the access log) sees the client's address and scheme.
            app.UseForwardedHeaders();
        }

        string[] cultures = ["es-MX", "es-PE", "en"];
        app.UseRequestLocalization(o => o
            .SetDefaultCulture(cultures[0])
            .AddSupportedCultures(cultures)
            .AddSupportedUICultures(cultures));

        // In Development too: a client's bad framing or a full disk is answered the same everywhere (FaultAnswers).
        app.UseExceptionHandler();

        app.UseStatusCodePages();
        app.UseGracefulStop();
        app.UseHubAccessTokenFromQuery();
        app.UseHubProblemAnswers();
        app.UseSecurityHeaders();
        app.UseOriginCheck(app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.AllowedOrigins);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        var api = app.MapGroup("/api/v1");
        api.MapEventsApi();
        api.MapCasesApi();
        api.MapUnitsApi();
        api.MapSummaryApi();
        api.MapHolidaysApi();
        api.MapDataQualityApi();
        api.MapAlertsApi();
        api.MapExportApi();
        api.MapIndicatorsApi();
        api.MapSurveysApi();
        api.MapStaffApi();
        app.MapOpenApi();
        app.MapTableroHealth();
        app.MapTableroTelemetry();
        app.MapHub<CaseEventsHub>(CaseEventsHub.Path);
        app.MapCultureSwitch(cultures);
        app.MapSignIn();
        app.MapOpenIdConnectStart(app.Services.GetRequiredService<OpenIdConnectSettings>());
        // Administrators of everything only, local or not: the ASP.NET Core policy decides, not Hangfire's local-requests filter.
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], AsyncAuthorization = [] })
            .RequireAuthorization(Policies.JobDashboard);

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        CultureInfo.DefaultThreadCurrentCulture ??= CultureInfo.GetCultureInfo(cultures[0]);
        return app;
    }
}

/// <summary>Demo data loading. Bound from the "Demo" configuration section.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Load the IMSS and EsSalud demo catalogue into an empty database (true in Development).</summary>
    public bool LoadCatalogue { get; set; }

    /// <summary>
    /// Days of simulated history loaded through <c>import-history</c> on a first start with an empty log (90 in
    /// Development, 0: none), so the trend charts have a past.
    /// </summary>
    public int HistoryDays { get; set; }

    /// <summary>The demo key in plain text, printed at start (Development); its hash must be in ApiKeys:Keys to work.</summary>
    public string? ApiKey { get; set; }
}
