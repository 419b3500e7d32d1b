using System.Diagnostics;

namespace Dashboard.Benchmarks;

/// <summary>
/// The Release host on a seeded history: seeds <c>cases</c> historical cases into a temporary folder (or reuses
/// <c>folder</c> when it already holds a seeded database, and keeps it), starts the host on it with the benchmark key,
/// waits until it answers and its start-up sweep is done, runs the measurement, and stops the host.
/// </summary>
internal static class SeededHost
{
    /// <summary>Where <c>dotnet publish -c Release src/Dashboard.Web -o …</c> puts the host for benchmarks that need its pages' static files.</summary>
    public static string PublishedDll => Path.Combine(HttpBenchmarks.FindRepositoryRoot(), "src", "Dashboard.Web", "bin", "benchmark-publish", "Dashboard.Web.dll");

    /// <summary>Runs <paramref name="measure"/> (given the client, the host's process and its data folder) against the host on a seeded history.</summary>
    /// <param name="folder">A folder holding a seeded database to reuse (and keep), or null for a temporary one.</param>
    /// <param name="cases">How many cases to seed when the folder holds no database yet.</param>
    /// <param name="tempPrefix">The temporary folder's name prefix.</param>
    /// <param name="settings">Settings given to the host as environment variables.</param>
    /// <param name="timeout">The client's timeout per request.</param>
    /// <param name="measure">The measurement.</param>
    /// <param name="dll">The host to start: the Release build by default (the API alone); <see cref="PublishedDll"/> when a browser needs its scripts and styles.</param>
    public static async Task RunAsync(string? folder, long cases, string tempPrefix, IReadOnlyDictionary<string, string> settings, TimeSpan timeout,
        Func<HttpClient, Process, string, Task> measure, string? dll = null)
    {
        dll ??= Path.Combine(HttpBenchmarks.FindRepositoryRoot(), "src", "Dashboard.Web", "bin", "Release", "net10.0", "Dashboard.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException(dll == PublishedDll
                ? "publish the web host first: dotnet publish -c Release src/Dashboard.Web -o src/Dashboard.Web/bin/benchmark-publish"
                : "build the web host first: dotnet build -c Release src/Dashboard.Web", dll);
        }

        var keep = folder is not null;
        var data = folder ?? Directory.CreateTempSubdirectory(tempPrefix).FullName;
        try
        {
            if (!File.Exists(Path.Combine(data, "tablero.db")))
            {
                Directory.CreateDirectory(data);
                await Seeder.RunAsync(cases, data);
            }

            var port = HttpBenchmarks.FreePort();
            // A seeded history has thousands of overdue cases: their alerts go to files, not to a missing mail server.
            using var server = HttpBenchmarks.StartServer(dll, data, port,
                settings: new Dictionary<string, string>(settings) { ["Alerts__Email__PickupFolder"] = Path.Combine(data, "mail") });
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = timeout };
                http.DefaultRequestHeaders.Add("X-Api-Key", HttpBenchmarks.ApiKey);
                await HttpBenchmarks.WaitUntilReadyAsync(http, server);
                await ExportBenchmarks.WaitUntilIdleAsync(server);
                await measure(http, server, data);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
