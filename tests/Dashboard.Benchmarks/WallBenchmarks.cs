using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Simulator.Catalogue;
using Microsoft.Playwright;

namespace Dashboard.Benchmarks;

/// <summary>
/// Many walls on one server: the server's memory per open wall circuit, and how long an event takes from its
/// acknowledged POST to the walls' screens while events arrive at a steady rate. Real Chromium pages (headless) on
/// this same machine, so the browsers compete with the server for the two cores: the figures are an upper bound.
/// </summary>
internal static class WallBenchmarks
{
    public static async Task RunAsync(int walls, int eventsPerSecond, int seconds)
    {
        var root = HttpBenchmarks.FindRepositoryRoot();
        var dll = Path.Combine(root, "src", "Dashboard.Web", "bin", "Release", "net10.0", "Dashboard.Web.dll");
        var data = Directory.CreateTempSubdirectory("tablero-wall-bench-").FullName;
        var port = HttpBenchmarks.FreePort();
        // The development seed prints a wall display address; every benchmark wall opens with it, as TVs of one scope would.
        var display = new TaskCompletionSource<string>();
        using var server = HttpBenchmarks.StartServer(dll, data, port, environment: "Development", output: line =>
        {
            if (line.Contains("/pantalla/", StringComparison.Ordinal))
            {
                display.TrySetResult(new Uri(line[line.IndexOf("http", StringComparison.Ordinal)..].Trim()).PathAndQuery);
            }
        });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            http.DefaultRequestHeaders.Add("X-Api-Key", HttpBenchmarks.ApiKey);
            await HttpBenchmarks.WaitUntilReadyAsync(http, server);
            var units = DemoCatalogue.Build().Units.Where(u => u.Institution == Dashboard.Core.Catalogue.Institution.Imss).Select(u => u.Code).ToArray();

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
            });

            var before = await ServerMemoryAsync(server);
            var pages = new List<IPage>();
            for (var i = 0; i < walls; i++)
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = http.BaseAddress!.ToString(), ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
                var page = await context.NewPageAsync();
                await page.GotoAsync(await display.Task.WaitAsync(TimeSpan.FromSeconds(60)));
                await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
                // Each change of the open count is stamped with the browser's clock (the same machine's clock). Blazor may
                // replace the number's element, so the observer watches the body and reads the element afresh each time.
                await page.EvaluateAsync("""
                    () => { window.__changes = []; let last = null;
                            const note = () => { const el = document.querySelector('[data-testid=wall-open]');
                                                 if (el && el.textContent !== last) { last = el.textContent; window.__changes.push([Date.now(), last]); } };
                            note();
                            new MutationObserver(note).observe(document.body, { childList: true, characterData: true, subtree: true }); }
                    """);
                pages.Add(page);
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
            var after = await ServerMemoryAsync(server);
            Console.WriteLine($"Tablero walls — {walls} Chromium pages on /wall against the Release host (pid {server.Id})");
            Console.WriteLine($"  server memory with no walls: {before}; with {walls}: {after}: {(after.Private - before.Private) / 1024.0 / walls:N0} KB private memory per wall circuit");

            // Steady load: one CaseOpened at a time, each acknowledged (durable) before its time is noted.
            var acked = new List<(long Count, long AtMs)>();
            var watch = Stopwatch.StartNew();
            var random = new Random(3);
            // A wall runs for weeks: its server memory is sampled every minute of the run, to see that it stays flat, beside
            // the load rather than in its loop, so the sampling does not hold the events back.
            using var stopSampling = new CancellationTokenSource();
            var sampling = Task.Run(async () =>
            {
                for (var minute = 1; minute * 60 < seconds; minute++)
                {
                    await Task.Delay(TimeSpan.FromMinutes(minute) - watch.Elapsed is { Ticks: > 0 } wait ? wait : TimeSpan.Zero, stopSampling.Token);
                    Console.WriteLine($"  after {minute} min: {await ServerMemoryAsync(server)}");
                }
            });
            for (var n = 1; watch.Elapsed < TimeSpan.FromSeconds(seconds); n++)
            {
                var due = TimeSpan.FromSeconds((double)n / eventsPerSecond);
                if (due > watch.Elapsed)
                {
                    await Task.Delay(due - watch.Elapsed);
                }

                using var response = await http.PostAsJsonAsync("api/v1/events", Opened(units[random.Next(units.Length)]));
                response.EnsureSuccessStatusCode();
                acked.Add((n, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            }

            await stopSampling.CancelAsync();
            await sampling.ContinueWith(_ => { }, TaskScheduler.Default);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var latencies = new List<double>();
            foreach (var page in pages)
            {
                var changes = JsonDocument.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__changes)")).RootElement.EnumerateArray()
                    .Select(c => (At: c[0].GetInt64(), Count: long.Parse(c[1].GetString()!, NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("es-MX")))).ToArray();
                // An event is on screen at the first change whose count includes it (the count only grows, as do the events').
                var next = 0;
                foreach (var (count, at) in acked)
                {
                    while (next < changes.Length && changes[next].Count < count)
                    {
                        next++;
                    }

                    if (next < changes.Length)
                    {
                        latencies.Add(Math.Max(0, changes[next].At - at));
                    }
                }
            }

            // Every wall must end on the number of cases opened: a wall that stopped following the feed would show less.
            var shownAtEnd = new List<long>();
            foreach (var page in pages)
            {
                shownAtEnd.Add(long.Parse(await page.InnerTextAsync("[data-testid=wall-open]"), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("es-MX")));
            }

            if (shownAtEnd.Count > 0)
            {
                Console.WriteLine($"  open cases shown at the end: {shownAtEnd.Min():N0}–{shownAtEnd.Max():N0} (opened {acked.Count:N0})");
            }

            var sorted = latencies.Order().ToArray();
            double P(int p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];
            Console.WriteLine($"  {acked.Count} events at {eventsPerSecond}/s for {seconds} s, {walls} walls: event → screen p50 {P(50):N0} ms, p99 {P(99):N0} ms " +
                $"({sorted.Length:N0} of {(long)acked.Count * walls:N0} event×wall pairs seen on screen; the board redraws at most every 250 ms by design)");
            var end = await ServerMemoryAsync(server);
            Console.WriteLine($"  server memory after the run: {end}");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static object Opened(string unitCode) => new JsonObject
    {
        ["eventId"] = Guid.NewGuid().ToString(),
        ["type"] = "CaseOpened",
        ["caseId"] = $"WB-{Guid.NewGuid():N}"[..20],
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture),
        ["data"] = new JsonObject
        {
            ["unitCode"] = unitCode, ["kind"] = "Complaint", ["channel"] = "Module", ["category"] = "waiting-time",
            ["priority"] = "Medium", ["complex"] = false, ["summary"] = "Espera prolongada.",
        },
    };

    /// <summary>
    /// The server's resident memory (from /proc) and, when dotnet-counters is installed, its managed heap after the last GC and the
    /// memory the GC has committed: RSS growing under a flat managed heap is native (SQLite's page caches, the runtime).
    /// </summary>
    private static async Task<ServerMemory> ServerMemoryAsync(Process server)
    {
        await Task.Delay(500);
        var status = await File.ReadAllLinesAsync($"/proc/{server.Id}/status");
        long Kb(string field) => long.Parse(status.First(l => l.StartsWith(field, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        var (heap, committed) = await GcCountersAsync(server.Id);
        return new ServerMemory(Kb("VmRSS:"), Kb("RssAnon:"), heap, committed);
    }

    private static readonly string? CountersTool = new[] { Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools") }
        .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        .Select(folder => Path.Combine(folder, "dotnet-counters")).FirstOrDefault(File.Exists);

    /// <summary>Two seconds of the runtime's own GC counters; the tool writes its file only when it stops.</summary>
    private static async Task<(long? Heap, long? Committed)> GcCountersAsync(int pid)
    {
        if (CountersTool is null)
        {
            return (null, null);
        }

        var file = Path.Combine(Path.GetTempPath(), $"tablero-wall-counters-{Guid.NewGuid():N}.csv");
        try
        {
            var start = new ProcessStartInfo(CountersTool, ["collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--counters",
                "System.Runtime[dotnet.gc.last_collection.heap.size,dotnet.gc.last_collection.memory.committed_size]",
                "--refresh-interval", "1", "--duration", "00:00:00:02", "--format", "csv", "-o", file])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var tool = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await Task.WhenAll(tool.StandardOutput.ReadToEndAsync(timeout.Token), tool.StandardError.ReadToEndAsync(timeout.Token), tool.WaitForExitAsync(timeout.Token));
            }
            catch (OperationCanceledException)
            {
                tool.Kill();
                return (null, null);
            }

            if (!File.Exists(file))
            {
                return (null, null);
            }

            // Timestamp,Provider,Counter Name,Counter Type,Mean/Increment — the last report of each series wins.
            var last = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var line in (await File.ReadAllLinesAsync(file)).Skip(1))
            {
                var fields = line.Split(',');
                if (fields.Length >= 5 && double.TryParse(fields[^1], CultureInfo.InvariantCulture, out var value))
                {
                    last[fields[2]] = (long)value;
                }
            }

            var heaps = last.Where(c => c.Key.StartsWith("dotnet.gc.last_collection.heap.size", StringComparison.Ordinal)).ToArray();
            var committed = last.FirstOrDefault(c => c.Key.StartsWith("dotnet.gc.last_collection.memory.committed_size", StringComparison.Ordinal));
            return (heaps.Length == 0 ? null : heaps.Sum(c => c.Value), committed.Key is null ? null : committed.Value);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException)
        {
            return (null, null);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>RSS counts the database pages SQLite reads through its memory map (file-backed, the OS reclaims them at will); the private part is the process's own.</summary>
    private sealed record ServerMemory(long Rss, long Private, long? GcHeap, long? GcCommitted)
    {
        public override string ToString() => $"{Rss / 1048576.0:N0} MB RSS ({Private / 1048576.0:N0} MB private)" +
            (GcHeap switch
            {
                null => " (managed heap: install dotnet-counters)",
                0 => " (no GC yet)",
                { } heap => $", {heap / 1048576.0:N1} MB managed heap after the last GC ({GcCommitted / 1048576.0:N0} MB committed)",
            });
    }
}
