using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Web.Security;
using Dashboard.Simulator.Catalogue;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests;

/// <summary>
/// The real host on a fresh SQLite file with the demo catalogue, the simulator off (numbers move only when a
/// test posts), and API keys of every shape a source system can have.
/// </summary>
public class TableroFactory : WebApplicationFactory<Program>
{
    public const string IngestKey = "test-ingest-key-all-0001";
    public const string ReadKey = "test-read-key-all-00002";
    public const string JaliscoKey = "test-key-region-jal-003";
    public const string AdminKey = "test-admin-key-all-0004";
    public const string WebhookSecret = "webhook-secret-for-tests-0001";

    /// <summary>What the configured webhook endpoint received (no network: the client's handler records).</summary>
    public RecordingHandler Webhook { get; } = new();

    public string MailFolder => Path.Combine(_dataFolder, "mail");

    /// <summary>The SQLite file itself, without its write-ahead log.</summary>
    public string DatabaseFile => Path.Combine(_dataFolder, "tablero.db");

    private readonly string _dataFolder;

    /// <summary>False when the folder is shared with other hosts (another instance of the same deployment): its owner deletes it.</summary>
    private readonly bool _ownsDataFolder;

    public TableroFactory()
        : this(null)
    {
    }

    /// <param name="sharedDataFolder">A folder another host also uses, as instances of one deployment share their database; null: a fresh one of its own.</param>
    protected TableroFactory(string? sharedDataFolder)
    {
        _ownsDataFolder = sharedDataFolder is null;
        _dataFolder = sharedDataFolder ?? Directory.CreateTempSubdirectory("tablero-web-test-").FullName;
    }

    public static readonly CatalogueSnapshot Catalogue = DemoCatalogue.Build();

    /// <summary>A family-medicine unit in Jalisco and one in Nuevo León, from the demo catalogue.</summary>
    public static Unit JaliscoUnit { get; } = Catalogue.Units.First(u => u.RegionCode == "IMSS-JAL" && u.Type == UnitType.Umf);

    public static Unit NuevoLeonUnit { get; } = Catalogue.Units.First(u => u.RegionCode == "IMSS-NL" && u.Type == UnitType.Umf);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureTestServices(services =>
            services.AddHttpClient(Dashboard.Web.Alerts.AlertDelivery.WebhookClient).ConfigurePrimaryHttpMessageHandler(() => Webhook));
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataFolder"] = _dataFolder,
            ["Demo:LoadCatalogue"] = "true",
            ["Simulator:Enabled"] = "false",
            ["Demo:HistoryDays"] = "0",
            ["ApiKeys:Keys:0:Name"] = "ingest-all",
            ["ApiKeys:Keys:0:KeySha256"] = Dashboard.Web.Security.ApiKeyEntry.HashOf(IngestKey),
            ["ApiKeys:Keys:0:Permissions:0"] = "Ingest",
            ["ApiKeys:Keys:0:Permissions:1"] = "Read",
            ["ApiKeys:Keys:0:Scope"] = "all",
            ["ApiKeys:Keys:1:Name"] = "read-all",
            ["ApiKeys:Keys:1:KeySha256"] = Dashboard.Web.Security.ApiKeyEntry.HashOf(ReadKey),
            ["ApiKeys:Keys:1:Permissions:0"] = "Read",
            ["ApiKeys:Keys:1:Scope"] = "all",
            ["ApiKeys:Keys:2:Name"] = "jalisco",
            ["ApiKeys:Keys:2:KeySha256"] = Dashboard.Web.Security.ApiKeyEntry.HashOf(JaliscoKey),
            ["ApiKeys:Keys:2:Permissions:0"] = "Ingest",
            ["ApiKeys:Keys:2:Permissions:1"] = "Read",
            ["ApiKeys:Keys:2:Scope"] = "region:IMSS-JAL",
            ["ApiKeys:Keys:3:Name"] = "admin",
            ["ApiKeys:Keys:3:KeySha256"] = Dashboard.Web.Security.ApiKeyEntry.HashOf(AdminKey),
            ["ApiKeys:Keys:3:Permissions:0"] = "Admin",
            ["ApiKeys:Keys:3:Permissions:1"] = "Read",
            ["ApiKeys:Keys:3:Scope"] = "all",
            ["Alerts:Email:PickupFolder"] = "mail",
            ["Alerts:Recipients:0:Level"] = "1",
            ["Alerts:Recipients:0:Emails:0"] = "direccion.{unit}@imss.example",
            ["Alerts:Recipients:1:Level"] = "2",
            ["Alerts:Recipients:1:Emails:0"] = "comite.{region}@imss.example",
            ["Alerts:Recipients:2:Level"] = "3",
            ["Alerts:Recipients:2:Emails:0"] = "comite.central@imss.example",
            ["Alerts:Webhooks:0:Name"] = "control",
            ["Alerts:Webhooks:0:Url"] = "http://webhooks.test/tablero",
            ["Alerts:Webhooks:0:Secret"] = WebhookSecret,
            ["Security:SeedDemoUsers"] = "false",
        }));
        Customize(builder);
    }

    /// <summary>A test class's own changes to the host (a fake clock, other settings), applied last.</summary>
    protected virtual void Customize(IWebHostBuilder builder)
    {
    }

    public HttpClient CreateClient(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>A person with this role and scope, created through the administration service.</summary>
    public async Task<(Guid Id, string Password)> CreateUserAsync(string userName, Role role, ReadScope scope)
    {
        const string password = "contraseña-de-prueba-2026";
        var admin = Services.GetRequiredService<AccessAdministration>();
        var created = await admin.CreateUserAsync(AccessAdministration.SystemActor("tests"), userName, userName, null, role, scope, password);
        Assert.True(created.Succeeded, created.Problem);
        return ((await Services.GetRequiredService<IAccessStore>().ReadUserByNameAsync(userName))!.Id, password);
    }

    /// <summary>Signs in through the form as a browser would (antiforgery token and all); answers the session cookie.</summary>
    public async Task<string> SignInAsync(string userName, string password)
    {
        using var signedIn = await PostSignInAsync(userName, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        return CookiesOf(signedIn).Single(c => c.StartsWith(SignInSchemes.CookieName + "=", StringComparison.Ordinal));
    }

    /// <summary>The sign-in form posted with its antiforgery token; the answer as the browser gets it.</summary>
    public async Task<HttpResponseMessage> PostSignInAsync(string userName, string password)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var form = await client.GetAsync(SignInEndpoints.SignInPage);
        var html = await form.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, SignInEndpoints.SignInPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = userName, ["password"] = password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", string.Join("; ", CookiesOf(form)));
        return await client.SendAsync(post);
    }

    /// <summary>Opens a wall display with a new token for the scope; answers the session cookie.</summary>
    public async Task<string> OpenDisplayAsync(ReadScope scope)
    {
        var token = (await Services.GetRequiredService<AccessAdministration>().CreateDisplayTokenAsync(AccessAdministration.SystemActor("tests"), $"TV {scope}", scope)).Value;
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var opened = await client.GetAsync($"{SignInEndpoints.DisplayPath}/{token}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, opened.StatusCode);
        return CookiesOf(opened).Single(c => c.StartsWith(SignInSchemes.CookieName + "=", StringComparison.Ordinal));
    }

    /// <summary>A client that sends this session cookie (or none) and does not follow redirects, so answers are seen as they are.</summary>
    public HttpClient CreateSessionClient(string? cookie)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return client;
    }

    private static IEnumerable<string> CookiesOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsDataFolder)
        {
            Directory.Delete(_dataFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>Answers 200 to every request and keeps each one's body and headers for the test to read.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly System.Threading.Channels.Channel<(HttpRequestMessage Request, byte[] Body)> _received =
        System.Threading.Channels.Channel.CreateUnbounded<(HttpRequestMessage, byte[])>();

    public System.Threading.Channels.ChannelReader<(HttpRequestMessage Request, byte[] Body)> Received => _received.Reader;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        _received.Writer.TryWrite((request, body));
        return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
    }
}
