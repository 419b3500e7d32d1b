using System.Net;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dashboard.E2E;

/// <summary>
/// The real Tablero host on Kestrel (127.0.0.1, a free port) with the demo catalogue, the simulator off
/// (so counts only move when a test posts) and a fresh SQLite folder that is deleted afterwards. Test classes run one
/// after another (xunit.runner.json): Hangfire keeps process-wide defaults, and a host stopping beside another one
/// (the restart test) disturbed its jobs.
/// </summary>
public sealed class DashboardServerFixture : IAsyncLifetime
{
    public const string ApiKey = "e2e-tablero-key-0123456789abcdef";

    /// <summary>The people of these tests, created at start with these passwords (the demo seed is off).</summary>
    public const string Administrator = "admin.e2e";
    public const string Director = "direccion.jalisco";
    public const string Password = "contraseña-de-prueba-2026";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"tablero-e2e-{Guid.NewGuid():N}");
    private TableroFactory? _factory;
    private int _port;

    /// <summary>Where Kestrel listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataFolder);
        _factory = new TableroFactory(_dataFolder);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();

        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single().TrimEnd('/') + "/");
        _port = BaseAddress.Port;
        var admin = _factory.Services.GetRequiredService<AccessAdministration>();
        var system = AccessAdministration.SystemActor("e2e");
        await admin.CreateUserAsync(system, Administrator, "Administración E2E", null, Role.Administrator, ReadScope.All, Password);
        await admin.CreateUserAsync(system, Director, "Dra. Laura Méndez", null, Role.Director, ReadScope.ForRegion("IMSS-JAL"), Password);
    }

    /// <summary>A wall display token for a scope, as an administrator would hand it to the TV.</summary>
    public async Task<string> CreateDisplayTokenAsync(ReadScope scope) =>
        (await Services.GetRequiredService<AccessAdministration>().CreateDisplayTokenAsync(AccessAdministration.SystemActor("e2e"), $"TV {scope}", scope)).Value!;

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("the server is stopped");

    /// <summary>Stops the server as a crash or a deployment would: every circuit and hub connection is gone.</summary>
    public async Task StopAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            _factory = null;
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>Starts a new server on the same address and data: what a wall sees after a restart or a new version.</summary>
    public void Restart()
    {
        _factory = new TableroFactory(_dataFolder);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, _port));
        _factory.StartServer();
    }

    /// <summary>A plain HTTP client to the Kestrel address, carrying the fixture's Ingest+Read API key.</summary>
    public HttpClient CreateApiClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        // Pooled connections keep the database file open; release them before deleting the folder.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private sealed class TableroFactory(string dataFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(Environments.Development);
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:DataFolder"] = dataFolder,
                ["Demo:LoadCatalogue"] = "true",
                ["Simulator:Enabled"] = "false",
            ["Demo:HistoryDays"] = "0",
                ["ApiKeys:Keys:0:Name"] = "e2e",
                ["ApiKeys:Keys:0:KeySha256"] = Dashboard.Web.Security.ApiKeyEntry.HashOf(ApiKey),
                ["ApiKeys:Keys:0:Permissions:0"] = "Ingest",
                ["ApiKeys:Keys:0:Permissions:1"] = "Read",
                ["ApiKeys:Keys:0:Scope"] = "all",
                ["Security:SeedDemoUsers"] = "false",
                ["Security:RevalidateEvery"] = "00:00:02",
            }));
        }
    }
}
