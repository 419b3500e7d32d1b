using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Dashboard.Benchmarks;

/// <summary>
/// <c>pages [DATA_FOLDER [CASES]]</c>: how long a director waits for each desk page at an institution's size. Seeds CASES
/// historical cases (default 1,000,000) unless DATA_FOLDER already holds a seeded database, starts the published Release
/// host on it (<c>dotnet publish -c Release src/Dashboard.Web -o src/Dashboard.Web/bin/benchmark-publish</c>: a build
/// alone does not serve its framework scripts outside Development), creates an administrator of everything with the host's own <c>create-admin</c>, signs in with headless Chromium
/// at 1366×768, and opens each page five times: "drawn" is when the server-rendered page has loaded, "interactive" when
/// the circuit has sent its first render batch and no loading bar or skeleton is left (p50 and the slowest of five).
/// The first row is the floor: <see cref="FloorPath"/>, the layout and a one-line page that reads nothing. "In the app" is
/// the same page reached from another one by a link (Blazor's own navigation in one open tab, as a director drills from a
/// region into a unit): no prerender and no new circuit, until its data is drawn.
/// Issue 24's target is interactive ≤ 1 s p95 at 10 M cases.
/// </summary>
internal static class PageBenchmarks
{
    private const int Runs = 5;

    /// <summary>A page that reads nothing: what every load costs before any data (prerender, scripts, circuit, first render).</summary>
    internal const string FloorPath = "/sesiones/ninguna";

    // What shows each page's data drawn, for a page reached inside the app (NavigateAsync): CSS selectors, all of those
    // joined by " && " present.
    private const string FloorDrawn = "[data-testid=session-missing]";
    internal const string Overview = "[data-testid=categories-table] tbody tr";
    internal const string Region = "[data-testid=units-table] tbody tr";
    internal const string CaseRows = "[data-testid=case-grid] tbody tr";
    internal const string Unit = "[data-testid=unit-workload] tbody tr && " + CaseRows;
    internal const string Indicators = "[data-testid=complaints-chart] && [data-testid=worsening-units], [data-testid=worsening-none]";

    public static Task RunAsync(string? folder, long cases) =>
        SeededHost.RunAsync(folder, cases, "tablero-page-bench-", new Dictionary<string, string>(), TimeSpan.FromMinutes(10), async (http, server, data) =>
        {
            var (user, password) = await CreateAdministratorAsync(data);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = http.BaseAddress!.ToString(),
                Locale = "es-MX",
                ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            });
            await SignInAsync(context, user, password);

            var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var yearAgo = DateTime.UtcNow.AddYears(-1).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            // Each page with what shows that its data is drawn (for a page reached inside the app, which draws before it reads).
            (string Path, string Drawn)[] pages =
            [
                // The floor: the layout and a one-line page (a session that does not exist), through the same prerender and circuit.
                (FloorPath, FloorDrawn),
                ("/", Overview),
                ($"/?from={yearAgo}&to={today}", Overview),
                ("/regiones", "[data-testid=regions-table] tbody tr"),
                ("/regiones/IMSS-JAL", Region),
                ("/unidades/HGZ-JAL-006", Unit),
                ("/casos", CaseRows),
                ("/casos?status=all", CaseRows),
                ("/casos?sla=Breached", CaseRows),
                ("/casos?status=open&region=IMSS-JAL&complex=true", CaseRows),
                ("/indicadores/quejas", Indicators),
                ("/indicadores/quejas?periodo=semana", Indicators),
            ];
            Console.WriteLine($"Tablero desk pages — a seeded history in {data}, Release host pid {server.Id}, Chromium at 1366×768 signed in as an administrator of everything; {Runs} loads each");
            Console.WriteLine($"{"page",-56} {"drawn p50",10} {"interactive p50",16} {"slowest",9} {"in the app p50",15} {"slowest",9}");
            var app = await OpenAppTabAsync(context);
            foreach (var (path, drawnSelector) in pages)
            {
                var drawn = new List<double>();
                var interactive = new List<double>();
                var inApp = new List<double>();
                for (var run = 0; run < Runs; run++)
                {
                    var (d, i) = await OpenAsync(context, path);
                    drawn.Add(d);
                    interactive.Add(i);
                    // From another page of the app: the floor's, or for the floor itself the regions'.
                    var from = path == FloorPath ? pages[3] : pages[0];
                    if (new Uri(app.Url).PathAndQuery != from.Path)
                    {
                        await NavigateAsync(app, from.Path, from.Drawn);
                    }
                    inApp.Add(await NavigateAsync(app, path, drawnSelector));
                }

                drawn.Sort();
                interactive.Sort();
                inApp.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{path,-56} {drawn[Runs / 2] * 1000,7:N0} ms {interactive[Runs / 2] * 1000,13:N0} ms {interactive[^1] * 1000,6:N0} ms {inApp[Runs / 2] * 1000,12:N0} ms {inApp[^1] * 1000,6:N0} ms"));
            }
        }, SeededHost.PublishedDll);

    /// <summary>Seconds until the page loaded, and until it was interactive with nothing still loading.</summary>
    internal static async Task<(double Drawn, double Interactive)> OpenAsync(IBrowserContext context, string path, TimeSpan? limit = null)
    {
        var wait = limit ?? TimeSpan.FromMinutes(10);
        var page = await context.NewPageAsync();
        try
        {
            var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var marker = Encoding.UTF8.GetBytes("JS.RenderBatch");
            page.WebSocket += (_, socket) =>
            {
                if (socket.Url.Contains("/_blazor", StringComparison.Ordinal))
                {
                    socket.FrameReceived += (_, frame) =>
                    {
                        if (frame.Binary is { } bytes ? bytes.AsSpan().IndexOf(marker) >= 0 : frame.Text?.Contains("JS.RenderBatch", StringComparison.Ordinal) == true)
                        {
                            rendered.TrySetResult();
                        }
                    };
                }
            };

            var clock = Stopwatch.StartNew();
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = (float)wait.TotalMilliseconds });
            var drawn = clock.Elapsed.TotalSeconds;
            await rendered.Task.WaitAsync(wait);
            await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-progress-linear, .mud-progress-circular, .mud-skeleton').length === 0",
                null, new PageWaitForFunctionOptions { Timeout = (float)wait.TotalMilliseconds, PollingInterval = 20 });
            return (drawn, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>A tab open on the floor page with its circuit running (not timed), to follow links in with <see cref="NavigateAsync"/>.</summary>
    internal static async Task<IPage> OpenAppTabAsync(IBrowserContext context, TimeSpan? limit = null)
    {
        var wait = (float)(limit ?? TimeSpan.FromMinutes(10)).TotalMilliseconds;
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(FloorPath, new PageGotoOptions { Timeout = wait });
        await tab.WaitForFunctionAsync($"() => window.Blazor !== undefined && document.querySelector('{FloorDrawn}') !== null", null,
            new PageWaitForFunctionOptions { Timeout = wait });
        return tab;
    }

    /// <summary>
    /// Seconds from following a link inside the running app (Blazor's own navigation, as a click on a menu or table link:
    /// no new page, no prerender, the circuit already open) until every selector of <paramref name="drawnSelector"/> (split at
    /// " &amp;&amp; ") finds the page's data and no loading bar (the page's own while it reads, a grid's) is left.
    /// </summary>
    internal static async Task<double> NavigateAsync(IPage page, string path, string drawnSelector, TimeSpan? limit = null)
    {
        // What the page on screen already shows of these is not the new page's: only new elements count.
        await page.EvaluateAsync("drawn => { for (const s of drawn.split(' && ')) for (const e of document.querySelectorAll(s)) e.setAttribute('data-bench-old', ''); }", drawnSelector);
        var clock = Stopwatch.StartNew();
        await page.EvaluateAsync("path => Blazor.navigateTo(path)", path);
        await page.WaitForFunctionAsync(
            "([path, drawn]) => location.pathname + location.search === encodeURI(path)"
            + " && drawn.split(' && ').every(s => [...document.querySelectorAll(s)].some(e => !e.hasAttribute('data-bench-old')))"
            + " && document.querySelectorAll('.mud-progress-linear, .mud-progress-circular, .mud-skeleton').length === 0",
            new[] { path, drawnSelector }, new PageWaitForFunctionOptions { Timeout = (float)(limit ?? TimeSpan.FromMinutes(10)).TotalMilliseconds, PollingInterval = 20 });
        return clock.Elapsed.TotalSeconds;
    }

    internal static async Task SignInAsync(IBrowserContext context, string user, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/cuenta/entrar");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/cuenta/", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    /// <summary>An administrator of everything, through the host's own command on the same data folder; its printed password.</summary>
    internal static async Task<(string User, string Password)> CreateAdministratorAsync(string data)
    {
        var root = HttpBenchmarks.FindRepositoryRoot();
        var dll = Path.Combine(root, "src", "Dashboard.Web", "bin", "Release", "net10.0", "Dashboard.Web.dll");
        var user = $"directora-bench-{Environment.ProcessId}";
        var start = new ProcessStartInfo("dotnet", [dll, "create-admin", user]) { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__DataFolder"] = data;
        using var command = Process.Start(start)!;
        var output = await command.StandardOutput.ReadToEndAsync();
        var errors = await command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();
        const string shown = "Password (shown once): ";
        var at = output.IndexOf(shown, StringComparison.Ordinal);
        if (command.ExitCode != 0 || at < 0)
        {
            throw new InvalidOperationException($"create-admin failed ({command.ExitCode}): {errors}{output}");
        }

        return (user, output[(at + shown.Length)..].Trim());
    }
}
