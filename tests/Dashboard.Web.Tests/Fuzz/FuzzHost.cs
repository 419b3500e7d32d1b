using System.Collections.Concurrent;
using System.Net;
using Dashboard.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Fuzz;

/// <summary>
/// The real host on Kestrel (127.0.0.1, a free port), so hostile bytes reach the same parser and pipeline a source
/// system's do; the in-memory test server would never see a malformed chunk. Rate limits are raised so a 429 cannot
/// stand in for the answer under test, and every endpoint a request reached is noted to prove the run covered them.
/// </summary>
public sealed class FuzzHost : TableroFactory
{
    /// <summary>The route patterns of the endpoints requests reached (any answer).</summary>
    public ConcurrentDictionary<string, int> Reached { get; } = new(StringComparer.Ordinal);

    /// <summary>Where Kestrel listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    protected override void Customize(IWebHostBuilder builder)
    {
        // What is deployed: the exception handler answers, not the developer page (which turns a body Kestrel could not
        // read into a 400 the production host answers with a 500); and no appsettings.Development.json, whose demo key
        // would lend its admin permission to TableroFactory.IngestKey (configuration arrays merge by index).
        builder.UseEnvironment(Environments.Production);
        // Thousands of expected exception logs would bury the report; a failing request repeats against `dotnet run`.
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:RequestsPerSecond"] = "1000000",
            ["Security:SignInsPerMinute"] = "1000000",
        }));
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ReachedEndpoints(Reached)));
    }

    public void Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single().TrimEnd('/') + "/");
    }

    /// <summary>
    /// The route endpoints the host maps, but for the framework's own: static files, Blazor's transport (<c>/_blazor</c>,
    /// <c>/_framework</c>) and the framework's fallback for file-like paths (it hands the request on without keeping
    /// its endpoint, so it cannot be seen reached; <c>/nope.css</c> goes there).
    /// </summary>
    public IReadOnlyList<(string Pattern, string Methods)> MappedEndpoints() =>
        Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/_", StringComparison.Ordinal) && !raw.StartsWith('_')
                && e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null
                && e.DisplayName?.StartsWith("Fallback", StringComparison.Ordinal) != true)
            .Select(e => (e.RoutePattern.RawText!, string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])))
            .Distinct()
            .ToArray();

    /// <summary>What the stores hold that a write could change: the end of the event log, the cases, the extra holidays.</summary>
    public async Task<StoreMark> MarkAsync(CancellationToken cancellationToken)
    {
        var sequence = await Services.GetRequiredService<ICaseEventLog>().ReadLastSequenceAsync(cancellationToken);
        var summary = await Services.GetRequiredService<Dashboard.Core.Reads.ICaseReader>().ReadSummaryAsync(null, null, ReadScope.All, cancellationToken);
        var holidays = await Services.GetRequiredService<IHolidayStore>().ReadAllAsync(cancellationToken);
        return new StoreMark(sequence, summary.ByStatus.Values.Sum(), holidays.Count(h => h.Day.Extra));
    }

    /// <summary>Outermost middleware: after the pipeline ran, the endpoint routing chose is still on the context.</summary>
    private sealed class ReachedEndpoints(ConcurrentDictionary<string, int> reached) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, inner) =>
            {
                try
                {
                    await inner(http);
                }
                finally
                {
                    if (http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern })
                    {
                        reached.AddOrUpdate(pattern, 1, (_, n) => n + 1);
                    }
                }
            });
            next(app);
        };
    }
}

/// <summary>Counts that only an accepted write may move.</summary>
public readonly record struct StoreMark(long LastSequence, int Cases, int ExtraHolidays)
{
    public bool IsSameAs(StoreMark other) => this == other;

    public override string ToString() => $"log end {LastSequence}, {Cases} cases, {ExtraHolidays} extra holidays";
}
