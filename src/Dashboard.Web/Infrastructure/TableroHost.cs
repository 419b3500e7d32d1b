using System.Globalization;
using Dashboard.Core.Alerts;
using Dashboard.Core.Live;
using Dashboard.Core.Storage;
using Dashboard.Data;
using Dashboard.Data.Stores;
using Dashboard.Simulator;
using Dashboard.Web.Alerts;
using Dashboard.Web.Api;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components;
using Dashboard.Web.Ingestion;
using Dashboard.Web.Live;
using Dashboard.Web.Security;
using Dashboard.Web.Simulation;
using Dashboard.Web.Sla;
using Dashboard.Web.Wall;
using Hangfire;
using Hangfire.InMemory;
using Dashboard.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Dashboard.Web.Infrastructure;

/// <summary>Each area of the host registers itself here, in one place a reader can scan.</summary>
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

        AddData(services, configuration, builder.Environment.ContentRootPath);
        AddSecurity(services, configuration);
        AddLive(services, configuration);
        AddJobs(services, configuration);
        AddUi(services, builder.Environment);
        AddSimulator(services, configuration);
        return builder;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private static void AddData(IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .PostConfigure(o => o.BasePath = contentRoot)
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is SqlServer")
            .ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));

        DapperSetup.Register();
        services.AddSingleton(sp => new SqlScripts(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return ConnectionFactory.Create(options.Provider, options.ResolveConnectionString());
        });
        services.AddHostedService<WalCheckpointService>();
        services.AddSingleton<ICatalogueStore, CatalogueStore>();
        services.AddSingleton<ICaseEventLog, CaseEventLog>();
        services.AddSingleton<ICaseStore, CaseStore>();
        services.AddSingleton<IHolidayStore, HolidayStore>();
        services.AddSingleton<IAlertStore, AlertStore>();
        services.AddSingleton<IAccessStore, AccessStore>();
        services.AddSingleton<IAuditStore, AuditStore>();
        services.AddSingleton<IPersonalDataPurge, PersonalDataPurge>();
        services.AddSingleton<CatalogueService>();
        // The one way in: the service is built with the data layer's appender, which is registered nowhere.
        services.AddSingleton(sp => CaseEventWriting.CreateService(
            sp.GetRequiredService<ConnectionFactory>(),
            sp.GetRequiredService<SqlScripts>(),
            sp.GetRequiredService<ILiveFeed>(),
            () => sp.GetRequiredService<CatalogueService>().Context,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IngestionService>();
    }

    private static void AddSecurity(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiKeyOptions>().Bind(configuration.GetSection(ApiKeyOptions.SectionName))
            .Validate(o => o.Keys.All(k => k.KeySha256.Length == 64 && k.KeySha256.All(char.IsAsciiHexDigit) && ReadScope.Parse(k.Scope) is not null
                    && k.Permissions.Count > 0 && k.Permissions.All(RolePermissions.ForApiKeys.Contains)),
                $"every API key needs KeySha256 (64 hex digits: the SHA-256 of the key), a scope of 'all', 'region:CODE' or 'unit:CODE', and permissions among {string.Join(", ", RolePermissions.ForApiKeys)}")
            .ValidateOnStart();
        var security = configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.SectionName))
            .Validate(o => o.RevalidateEvery >= TimeSpan.FromSeconds(1) && o.RevalidateEvery <= TimeSpan.FromSeconds(60) && o.RequestsPerSecond > 0 && o.SignInsPerMinute > 0
                && o.RetainPersonalDataFor > TimeSpan.Zero && !o.InvalidKnownProxies().Any(),
                "Security: RevalidateEvery 1–60 s (revocation must reach open screens within a minute), RequestsPerSecond and SignInsPerMinute > 0, RetainPersonalDataFor > 0, KnownProxies addresses or CIDR networks")
            .ValidateOnStart();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            // Only the configured proxies are believed (the default trusts loopback, which is not our proxy).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in security.KnownProxies)
            {
                if (proxy.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(proxy, out var network))
                {
                    o.KnownIPNetworks.Add(network);
                }
                else if (System.Net.IPAddress.TryParse(proxy, out var address))
                {
                    o.KnownProxies.Add(address);
                }
            }
        });
        // Several instances must read each other's circuits and cookies: they share one key ring.
        if (configuration["DataProtection:KeysFolder"] is { Length: > 0 } keysFolder)
        {
            services.AddDataProtection().SetApplicationName("Tablero").PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        }

        services.AddMemoryCache();
        services.AddSingleton<CredentialCheck>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AccessAdministration>();
        services.AddSingleton<LiveConnections>();
        services.AddHostedService<HubConnectionRevalidator>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResults>();

        var openIdConnect = configuration.GetSection(OpenIdConnectSettings.SectionName).Get<OpenIdConnectSettings>() ?? new OpenIdConnectSettings();
        services.AddSingleton(openIdConnect);
        services.AddAuthentication(o => o.DefaultScheme = SignInSchemes.Default)
            // Source systems present a key; people and wall displays carry the session cookie.
            .AddPolicyScheme(SignInSchemes.Default, SignInSchemes.Default, o => o.ForwardDefaultSelector = SignInSchemes.Select)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o => SignInSchemes.ConfigureCookie(o, security))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddTableroOpenIdConnect(openIdConnect);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var permission in Enum.GetValues<Permission>())
        {
            // A source system that may ingest may also acknowledge the alerts its own events raised.
            string[] satisfiedBy = permission == Permission.AcknowledgeAlert ? [permission.ToString(), nameof(Permission.Ingest)] : [permission.ToString()];
            authorization.AddPolicy(Policies.For(permission), p => p.RequireAuthenticatedUser().RequireClaim(TableroClaims.Permission, satisfiedBy));
        }

        authorization.AddPolicy(Policies.JobDashboard, p => p.RequireAuthenticatedUser()
            .RequireClaim(TableroClaims.Permission, nameof(Permission.Admin)).RequireClaim(TableroClaims.Scope, "all"));
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingAuthenticationState>();
        services.AddTableroRateLimits();
    }

    private static void AddLive(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InProcessLiveFeed>();
        services.AddSingleton<ILiveFeed>(sp => sp.GetRequiredService<InProcessLiveFeed>());
        services.AddSingleton(sp => new WallBoard(sp.GetRequiredService<ICaseStore>(), sp.GetRequiredService<ICaseEventLog>(), sp.GetRequiredService<ILiveFeed>(), sp.GetRequiredService<CatalogueService>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<WallBoard>>())
        {
            DefaultTimeZone = configuration["Wall:TimeZone"] is { Length: > 0 } zone ? zone : "America/Mexico_City",
        });
        // Enums travel as their names on the hub too, as in the HTTP API.
        var signalR = services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            // Scale-out: hub groups span instances through the Redis backplane.
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("tablero"));
        }

        services.AddHostedService<HubForwarder>();
    }

    private static void AddJobs(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.SectionName))
            .Validate(o => o.Problem() is null, "Sla: invalid working hours or ladder (see the README's configuration table)")
            .ValidateOnStart();
        services.AddSingleton<SlaSweepJob>();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.SectionName))
            .Validate(o => o.Recipients.All(g => g.Level is >= 1 and <= 3 && ReadScope.Parse(g.Scope) is not null && (string.IsNullOrWhiteSpace(g.WorkingHours) || Core.Sla.Calendars.WorkingHours.Problem(g.WorkingHours) is null))
                && o.Webhooks.All(w => w.Name.Length > 0 && w.Url is { IsAbsoluteUri: true } && w.Secret.Length >= 16)
                && o.ReminderEvery > TimeSpan.Zero,
                "Alerts: recipients need Level 1–3, a scope and valid WorkingHours; webhooks need Name, an absolute Url and a Secret of 16+ characters")
            .ValidateOnStart();
        services.AddSingleton<AlertJob>();
        services.AddSingleton<RetentionJob>();
        services.AddSingleton<AlertDelivery>();
        services.AddHttpClient(AlertDelivery.WebhookClient, c => c.Timeout = TimeSpan.FromSeconds(10));
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
        services.AddHangfire(config => config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings());
        services.AddHangfireServer(o => o.SchedulePollingInterval = TimeSpan.FromSeconds(1));
    }

    private static void AddUi(IServiceCollection services, IHostEnvironment environment)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Exception details reach the browser only on a developer's machine.
        services.AddRazorComponents().AddInteractiveServerComponents(o => o.DetailedErrors = environment.IsDevelopment());
        // Notices go bottom-right, where they never cover a table's actions.
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddTransient<MudBlazor.MudLocalizer, Components.Shared.MudTexts>();
    }

    private static void AddSimulator(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.SectionName))
            .Validate(o => o.CasesPerMinute >= 0 && o.TimeScale > 0 && o.ComplexShare is >= 0 and <= 1, "Simulator: CasesPerMinute ≥ 0, TimeScale > 0, ComplexShare 0–1")
            .ValidateOnStart();
        services.AddHostedService<SimulatorHostedService>();
    }

    /// <summary>Creates or migrates the database and loads the catalogue, before the first request is served.</summary>
    public static async Task InitializeTableroAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        DatabaseMigrator.Migrate(database.Provider, database.ResolveConnectionString());

        var catalogue = app.Services.GetRequiredService<CatalogueService>();
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.LoadCatalogue && await app.Services.GetRequiredService<ICatalogueStore>().IsEmptyAsync())
        {
            await catalogue.UpsertAsync(Dashboard.Simulator.Catalogue.DemoCatalogue.Build());
        }

        await catalogue.ReloadAsync();
        var sla = app.Services.GetRequiredService<IOptions<SlaOptions>>().Value;
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<SlaSweepJob>(SlaSweepJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), sla.SweepCron);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // Hangfire.InMemory forgot its queue with the last process: deliveries still pending are queued again.
            await app.Services.GetRequiredService<IAlertStore>().ForgetQueuedAsync();
        }

        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<AlertJob>(AlertJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            app.Services.GetRequiredService<IOptions<AlertOptions>>().Value.Cron);
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<RetentionJob>(RetentionJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.RetentionCron);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tablero");
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.SeedDemoUsers)
        {
            var access = await DemoAccess.SeedAsync(app.Services.GetRequiredService<AccessAdministration>(), app.Services.GetRequiredService<IAccessStore>(), catalogue,
                app.Services.GetRequiredService<IOptions<AlertOptions>>().Value.BaseUrl ?? "http://127.0.0.1:5180");
            app.Lifetime.ApplicationStarted.Register(() => logger.LogInformation("Demo sign-ins (new passwords at every start):{NewLine}{Access}", Environment.NewLine,
                string.Join(Environment.NewLine, access)));
        }

        app.Lifetime.ApplicationStarted.Register(() => AnnounceStart(app, database, logger));
    }

    private static void AnnounceStart(WebApplication app, DatabaseOptions database, ILogger logger)
    {
        var where = database.Provider == DatabaseProvider.Sqlite ? database.ResolveConnectionString() : "SQL Server";
        var units = app.Services.GetRequiredService<CatalogueService>().Current.Snapshot.Units.Count;
        logger.LogInformation("Tablero is running at {Urls} — {Units} units, data in {Where}", string.Join(", ", app.Urls), units, where);
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
        app.UseHubAccessTokenFromQuery();
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
        api.MapAlertsApi();
        api.MapExportApi();
        app.MapOpenApi();
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

    /// <summary>The demo key in plain text, printed at start (Development); its hash must be in ApiKeys:Keys to work.</summary>
    public string? ApiKey { get; set; }
}
