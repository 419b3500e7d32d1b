using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Dashboard.Simulator.Catalogue;
using Microsoft.Playwright;

namespace Dashboard.Benchmarks;

/// <summary>
/// <c>directors [DATA_FOLDER [DIRECTORS [ROUNDS [server|app]]]]</c>: many directors at once while cases come in. Starts the published
/// Release host on a seeded folder (as <c>pages</c> does), posts 100 new cases a second through the API, and has DIRECTORS
/// (default 20) Chromium pages, each on its own region and one of its units, open six desk pages of that region in turn,
/// ROUNDS times (default 3): the overview, the region, the region's open cases, the unit, the unit's cases of every status
/// and the complaint indicators. Prints each load as it ends, then interactive p50, p95 and the slowest per page kind and
/// overall, and the ingestion rate held. Issue 24's target: ≤ 2 s p95 with 20 directors while 100 events/s are ingested.
/// </summary>
/// <remarks>
/// The directors are signed in as one administrator of everything and narrow each page by its region or unit in the
/// address: the same reads, by the same indexes, as a director whose scope is that region. The browser runs on the same
/// two cores as the host, so the figures include its own rendering of twenty pages. <c>directors … server</c> leaves the
/// browsers out to show the host's own part: each load is two requests for the page's HTML, one after the other (the
/// prerender, and again for the circuit's first render, which renders the same components). An upper bound: the
/// circuit's first render takes the prerender's reads instead of reading again (PrerenderedReads).
/// </remarks>
internal static class DirectorBenchmarks
{
    /// <summary>How long one load may take before it is counted as not interactive.</summary>
    private static readonly TimeSpan PageLimit = TimeSpan.FromSeconds(60);
    private const int EventsPerSecond = 100;

    /// <summary>How each director opens its pages.</summary>
    internal enum Mode
    {
        /// <summary>Each page in a new tab by its address: prerender, scripts, a new circuit.</summary>
        NewTab,

        /// <summary>No browser: the page's HTML twice (see the remarks).</summary>
        Server,

        /// <summary>One tab per director, each page reached by a link inside the app (Blazor's navigation in its circuit).</summary>
        InApp,
    }

    public static Task RunAsync(string? folder, int directors, int rounds = 3, Mode mode = Mode.NewTab) =>
        SeededHost.RunAsync(folder, 1_000_000, "tablero-director-bench-", new Dictionary<string, string>(), TimeSpan.FromMinutes(10), async (http, server, data) =>
        {
            var (user, password) = await PageBenchmarks.CreateAdministratorAsync(data);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var options = new BrowserNewContextOptions { BaseURL = http.BaseAddress!.ToString(), Locale = "es-MX", ViewportSize = new ViewportSize { Width = 1366, Height = 768 } };
            string state, cookie;
            await using (var first = await browser.NewContextAsync(options))
            {
                await PageBenchmarks.SignInAsync(first, user, password);
                state = await first.StorageStateAsync();
                cookie = string.Join("; ", (await first.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
            }

            var catalogue = DemoCatalogue.Build();
            var regions = catalogue.Regions.OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();
            var times = new ConcurrentDictionary<string, ConcurrentBag<double>>();
            var failures = new ConcurrentDictionary<string, ConcurrentBag<string>>();
            using var stop = new CancellationTokenSource();
            var units = catalogue.Units.Select(u => u.Code).ToArray();
            var ingest = IngestAsync(http, units, stop.Token);

            var serverOnly = mode == Mode.Server;
            Console.WriteLine(mode switch
            {
                Mode.Server => $"Tablero desk pages' server renders, {directors} directors at once while {EventsPerSecond} new cases a second are posted — {data}, Release host pid {server.Id}, no browser: each load is the page's HTML twice, {rounds} rounds of six pages each",
                Mode.InApp => $"Tablero desk pages reached inside the app, {directors} directors at once while {EventsPerSecond} new cases a second are posted — {data}, Release host pid {server.Id}, Chromium at 1366×768, one tab each, {rounds} rounds of six pages each",
                _ => $"Tablero desk pages, {directors} directors at once while {EventsPerSecond} new cases a second are posted — {data}, Release host pid {server.Id}, Chromium at 1366×768, {rounds} rounds of six pages each",
            });
            var clock = Stopwatch.StartNew();
            server.Refresh();
            var hostCpu = server.TotalProcessorTime;
            await Task.WhenAll(Enumerable.Range(0, directors).Select(async d =>
            {
                var region = regions[d * 7 % regions.Length];
                var unit = catalogue.Units.Where(u => u.RegionCode == region.Code).OrderBy(u => u.Code, StringComparer.Ordinal).First().Code;
                // Each page with what shows its data drawn (PageBenchmarks' selectors, for a page reached inside the app).
                (string Kind, string Path, string Drawn)[] pages =
                [
                    ("overview of a region", $"/?region={region.Code}", PageBenchmarks.Overview),
                    ("region", $"/regiones/{region.Code}", PageBenchmarks.Region),
                    ("open cases of a region", $"/casos?region={region.Code}", PageBenchmarks.CaseRows),
                    ("unit", $"/unidades/{unit}", PageBenchmarks.Unit),
                    ("cases of a unit, any status", $"/casos?unit={unit}&status=all", PageBenchmarks.CaseRows),
                    ("complaint indicators of a region", $"/indicadores/quejas?region={region.Code}", PageBenchmarks.Indicators),
                ];
                await using var context = serverOnly ? null : await browser.NewContextAsync(new BrowserNewContextOptions(options) { StorageState = state });
                // In the app: one tab, opened once (not timed) on a page that reads nothing.
                var tab = mode == Mode.InApp ? await PageBenchmarks.OpenAppTabAsync(context!, PageLimit) : null;

                for (var round = 0; round < rounds; round++)
                {
                    foreach (var (kind, path, drawn) in pages)
                    {
                        try
                        {
                            var interactive = mode switch
                            {
                                Mode.Server => await RenderTwiceAsync(http, cookie, path),
                                Mode.InApp => await PageBenchmarks.NavigateAsync(tab!, path, drawn, PageLimit),
                                _ => (await PageBenchmarks.OpenAsync(context!, path, PageLimit)).Interactive,
                            };
                            times.GetOrAdd(kind, _ => []).Add(interactive);
                            // Each load as it ends, so a run cut short still tells something.
                            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:N0} s  director {d,2}  {interactive * 1000,7:N0} ms  {path}"));
                        }
                        catch (Exception ex) when (ex is TimeoutException or PlaywrightException or HttpRequestException or TaskCanceledException)
                        {
                            // Counted, never waited for: one stuck page must not hold the others' figures.
                            failures.GetOrAdd(kind, _ => []).Add(path);
                        }
                    }
                }
            }));
            var elapsed = clock.Elapsed.TotalSeconds;
            server.Refresh();
            hostCpu = server.TotalProcessorTime - hostCpu;
            await stop.CancelAsync();
            var (posted, refused) = await ingest;

            Console.WriteLine($"{"page",-36} {"loads",6} {"p50",9} {"p95",9} {"slowest",9}");
            foreach (var (kind, bag) in times.OrderBy(t => t.Key, StringComparer.Ordinal).Append(new("every page", new ConcurrentBag<double>(times.Values.SelectMany(v => v)))))
            {
                var sorted = bag.Order().ToArray();
                if (sorted.Length == 0)
                {
                    continue;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{kind,-36} {sorted.Length,6} {Percentile(sorted, 0.50) * 1000,6:N0} ms {Percentile(sorted, 0.95) * 1000,6:N0} ms {sorted[^1] * 1000,6:N0} ms"));
            }

            foreach (var (kind, paths) in failures)
            {
                Console.WriteLine($"{kind}: {paths.Count} loads not interactive within {PageLimit.TotalSeconds:N0} s ({string.Join(", ", paths.Distinct())})");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingestion: {posted:N0} cases accepted in {elapsed:N0} s ({posted / elapsed:N1}/s), {refused} refused"));
            // The host's share of the two cores (the rest went to the browsers, the poster and other work on the machine).
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host CPU: {hostCpu.TotalSeconds:N0} s in {elapsed:N0} s ({hostCpu.TotalSeconds / elapsed:N2} cores of {Environment.ProcessorCount})"));
        }, SeededHost.PublishedDll);

    /// <summary>Seconds for the page's HTML twice, as a browser's load has the host render it (prerender, then the circuit).</summary>
    private static async Task<double> RenderTwiceAsync(HttpClient http, string cookie, string path)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
            request.Headers.Add("Cookie", cookie);
            request.Headers.Accept.ParseAdd("text/html");
            using var cancel = new CancellationTokenSource(PageLimit);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancel.Token);
            if (!response.IsSuccessStatusCode || response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/cuenta/", StringComparison.Ordinal) == true)
            {
                throw new HttpRequestException($"{path}: {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
            }
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Posts one new case every 1/<see cref="EventsPerSecond"/> s until stopped; how many were accepted and refused.</summary>
    private static async Task<(int Posted, int Refused)> IngestAsync(HttpClient http, string[] units, CancellationToken stop)
    {
        var bodies = HttpBenchmarks.Bodies(units, 100_000, eventsPerBody: 1, seed: Environment.ProcessId);
        int posted = 0, refused = 0, sent = 0;
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var sends = new List<Task>();
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                // Every tick sends what the clock says is due, whatever the timer's resolution.
                while (sent < clock.Elapsed.TotalSeconds * EventsPerSecond && sent < bodies.Length)
                {
                    sends.Add(SendAsync(bodies[sent++]));
                }

                sends.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the directors are done.
        }

        await Task.WhenAll(sends);
        return (posted, refused);

        async Task SendAsync(byte[] body)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("api/v1/events", content, CancellationToken.None);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref posted);
            }
            else
            {
                Interlocked.Increment(ref refused);
            }
        }
    }
}
