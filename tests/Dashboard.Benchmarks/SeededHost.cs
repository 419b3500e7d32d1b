using System.Diagnostics;

namespace Dashboard.Benchmarks;

/// <summary>
/// The Release host on a seeded history: seeds <c>cases</c> historical cases into a temporary folder (or reuses
/// <c>folder</c> when it already holds a seeded database, and keeps it), starts the host on it with the benchmark key,
/// waits until it answers and its start-up sweep is done, runs the measurement, and stops the host.
/// </summary>
internal static class SeededHost
{
    public static async Task RunAsync(string? folder, long cases, string tempPrefix, IReadOnlyDictionary<string, string> settings, TimeSpan timeout,
        Func<HttpClient, Process, string, Task> measure)
    {
        var root = HttpBenchmarks.FindRepositoryRoot();
        var dll = Path.Combine(root, "src", "Dashboard.Web", "bin", "Release", "net10.0", "Dashboard.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("build the web host first: dotnet build -c Release src/Dashboard.Web", dll);
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
