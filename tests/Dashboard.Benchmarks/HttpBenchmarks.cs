using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Dashboard.Simulator.Catalogue;

namespace Dashboard.Benchmarks;

/// <summary>
/// Durable ingestion over HTTP: starts the real web host (Release build, SQLite, no simulator) as its own process
/// on 127.0.0.1, drives it for a bounded time from this process, and reports throughput and latency.
/// </summary>
internal static class HttpBenchmarks
{
    internal const string ApiKey = "benchmark-key-0123456789abcdef";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    // A server that runs for weeks is measured warm: the first seconds after start go to the JIT's tiered
    // recompilation (a fifth of the CPU in a perf profile of a cold run), which no later request pays.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(string configuration, int rounds = 3)
    {
        var root = FindRepositoryRoot();
        var dll = Path.Combine(root, "src", "Dashboard.Web", "bin", configuration, "net10.0", "Dashboard.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"build the web host first: dotnet build -c {configuration} src/Dashboard.Web", dll);
        }

        var data = Directory.CreateTempSubdirectory("tablero-http-bench-").FullName;
        var port = FreePort();
        using var server = StartServer(dll, data, port);
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
            await WaitUntilReadyAsync(http, server);

            var units = DemoCatalogue.Build().Units.Select(u => u.Code).ToArray();
            Console.WriteLine($"Tablero HTTP ingestion — SQLite (WAL, synchronous=FULL), server pid {server.Id} on 127.0.0.1:{port}, {Window.TotalSeconds:N0} s per run after {WarmUp.TotalSeconds:N0} s of warm-up");
            var raw = RawInsertRate();
            Console.WriteLine($"{"raw prepared INSERT of the event rows",-38} {raw,10:N0} rows/s   (every '% of raw' below)");

            // Every accepted event is a new case: the database grows by one event row and one case row each.
            long stored = (await LoadAsync(http, Bodies(units, count: 200, eventsPerBody: 1000, seed: 11), workers: 4, WarmUp)).Requests * 1000;
            stored += (await LoadAsync(http, Bodies(units, count: 100_000, eventsPerBody: 1, seed: 12), workers: 64, WarmUp)).Requests;

            // A 10 s window on a shared 2-core machine moves by ±10 % from run to run: each shape is measured in
            // several rounds, alternating, and the median round is what to quote.
            var batchRounds = new List<Round>();
            var singleRounds = new List<Round>();
            for (var round = 1; round <= rounds; round++)
            {
                var batches = Bodies(units, count: 500, eventsPerBody: 1000, seed: 100 + 2 * round);
                var (batchRequests, batchSeconds, batchLatencies) = await LoadAsync(http, batches, workers: 4, Window);
                batchRounds.Add(Report($"1,000-event batches, 4 connections #{round}", batchRequests * 1000, batchRequests, batchSeconds, batchLatencies, raw, fromRows: stored));
                stored += batchRequests * 1000;

                var singles = Bodies(units, count: 200_000, eventsPerBody: 1, seed: 101 + 2 * round);
                var (singleRequests, singleSeconds, singleLatencies) = await LoadAsync(http, singles, workers: 64, Window);
                singleRounds.Add(Report($"single events, 64 connections #{round}", singleRequests, singleRequests, singleSeconds, singleLatencies, raw, fromRows: stored));
                stored += singleRequests;
            }

            // The same rows through SQLite alone, into a database that grows as the server's did, read over each
            // round's stretch of that growth: a 10 s round late in the run writes into indexes several times larger.
            var floor = await SameRowsFloor.MeasureAsync(stored);
            Console.WriteLine($"SQLite floor over the same growth: each round's rows again, through SQLite's API alone (no HTTP, JSON, reads or rules), {floor.Rows:N0} rows in all");
            foreach (var (what, round) in batchRounds.Select((r, i) => ($"batches #{i + 1}", r)).Concat(singleRounds.Select((r, i) => ($"singles #{i + 1}", r))))
            {
                var rate = floor.RateBetween(round.FromRows, round.ToRows);
                Console.WriteLine($"  {what,-11} rows {round.FromRows,9:N0} to {round.ToRows,9:N0}  floor {rate,8:N0} events/s  measured {round.Rate,8:N0} = {round.Rate / rate:P0} of it");
            }

            double OfFloor(Round r) => r.Rate / floor.RateBetween(r.FromRows, r.ToRows);
            var (batchRate, batchP99) = (Median(batchRounds.Select(r => r.Rate)), Median(batchRounds.Select(r => r.P99)));
            var (singleRate, singleP99) = (Median(singleRounds.Select(r => r.Rate)), Median(singleRounds.Select(r => r.P99)));
            Console.WriteLine($"median of {rounds} rounds: batches {batchRate,8:N0} events/s (p99 {batchP99:N1} ms, {batchRate / raw:P0} of raw, {Median(batchRounds.Select(OfFloor)):P0} of the floor over the same growth)   " +
                $"singles {singleRate,8:N0} requests/s (p99 {singleP99:N1} ms, {singleRate / raw:P0} of raw, {Median(singleRounds.Select(OfFloor)):P0} of the floor)");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>One measured window: its rate (events/s for batches, requests/s for singles), p99, and the stretch of the log it wrote.</summary>
    private sealed record Round(double Rate, double P99, long FromRows, long ToRows);

    /// <summary>Prints one window's figures; its events were stored after the first <paramref name="fromRows"/>.</summary>
    private static Round Report(string what, long events, long requests, double seconds, List<double> latencies, double raw, long fromRows)
    {
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * q))];
        Console.WriteLine($"{what,-41} {events / seconds,10:N0} events/s  {requests / seconds,8:N0} requests/s  p50 {At(0.50),6:N1} ms  p99 {At(0.99),6:N1} ms  ({events / seconds / raw:P0} of raw)");
        return new Round(events / seconds, At(0.99), fromRows, fromRows + events);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Raw inserts on a scratch database of the same schema, measured in this run, on this machine.</summary>
    private static double RawInsertRate()
    {
        var folder = Directory.CreateTempSubdirectory("tablero-raw-").FullName;
        try
        {
            var connectionString = $"Data Source={Path.Combine(folder, "tablero.db")};Pooling=False";
            Dashboard.Data.DatabaseMigrator.Migrate(Dashboard.Data.DatabaseProvider.Sqlite, connectionString);
            return StoreBenchmarks.RawInsertsPerSecond(connectionString, new Dashboard.Data.SqlScripts(Dashboard.Data.DatabaseProvider.Sqlite), DateTimeOffset.UtcNow, 50_000);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Each worker posts pre-built bodies back to back until the window closes; only 200s count.</summary>
    private static async Task<(long Requests, double Seconds, List<double> Latencies)> LoadAsync(HttpClient http, byte[][] bodies, int workers, TimeSpan window)
    {
        var runStarted = Stopwatch.GetTimestamp();
        var next = -1;
        long ok = 0;
        var latencies = new List<double>[workers];
        var deadline = Stopwatch.GetTimestamp() + (long)(window.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= bodies.Length)
                {
                    return;
                }

                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new("application/json");
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("api/v1/events", content);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                latencies[w].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref ok);
            }
        })));
        // The rate is over the time really spent: the bodies may run out before the window closes.
        return (ok, Stopwatch.GetElapsedTime(runStarted).TotalSeconds, latencies.SelectMany(l => l).ToList());
    }

    /// <summary>Bodies are built before the clock starts, so the load generator spends its CPU on sending.</summary>
    internal static byte[][] Bodies(string[] units, int count, int eventsPerBody, int seed)
    {
        var random = new Random(seed);
        // Each case opened a millisecond after the one before, up to now: one instant for all of them made the seeded
        // folders' newest cases 63,387 ties, which every newest-first list had to sort by id (a real day has few).
        var first = DateTimeOffset.UtcNow.AddMilliseconds(-count * eventsPerBody);
        var bodies = new byte[count][];
        for (var b = 0; b < count; b++)
        {
            var events = new JsonArray();
            for (var e = 0; e < eventsPerBody; e++)
            {
                events.Add(new JsonObject
                {
                    ["eventId"] = Guid.NewGuid().ToString(),
                    ["type"] = "CaseOpened",
                    ["caseId"] = $"B{seed}-{b}-{e}",
                    ["occurredAt"] = first.AddMilliseconds(b * eventsPerBody + e).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    ["data"] = new JsonObject
                    {
                        ["unitCode"] = units[random.Next(units.Length)],
                        ["kind"] = "Complaint",
                        ["channel"] = "Module",
                        ["category"] = "waiting-time",
                        ["priority"] = "Medium",
                        ["complex"] = random.NextDouble() < 0.12,
                        ["summary"] = "Espera de más de tres horas para recibir consulta en urgencias.",
                    },
                });
            }

            bodies[b] = Encoding.UTF8.GetBytes(eventsPerBody == 1 ? events[0]!.ToJsonString() : events.ToJsonString());
        }

        return bodies;
    }

    // Production for the API; pages need Development when the host runs from its build output rather than a publish
    // folder (static web assets such as MudBlazor's files are mapped only there).
    internal static Process StartServer(string dll, string data, int port, string environment = "Production", Action<string>? output = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__DataFolder"] = data;
        start.Environment["Demo__LoadCatalogue"] = "true";
        start.Environment["Simulator__Enabled"] = "false";
        start.Environment["Demo__HistoryDays"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ApiKeys__Keys__0__Name"] = "benchmark";
        start.Environment["ApiKeys__Keys__0__KeySha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey)));
        start.Environment["ApiKeys__Keys__0__Permissions__0"] = "Ingest";
        start.Environment["ApiKeys__Keys__0__Permissions__1"] = "Read";
        start.Environment["ApiKeys__Keys__0__Permissions__2"] = "Export";
        start.Environment["ApiKeys__Keys__0__Scope"] = "all";
        // One key carries all the load here: its per-credential limit must not be what is measured.
        start.Environment["Security__RequestsPerSecond"] = "1000000";
        // Every benchmark wall opens its display from this one address, which the sign-in limit would otherwise stop at 10 a minute.
        start.Environment["Security__SignInsPerMinute"] = "100000";
        start.Environment["Security__SeedDemoUsers"] = output is null ? "false" : "true";
        start.Environment["Logging__LogLevel__Tablero"] = "Information";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output?.Invoke(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"  server: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitUntilReadyAsync(HttpClient http, Process server)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until && !server.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("api/v1/events?after=0&limit=1");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the web host did not answer within 60 s");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Dashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
