using System.Globalization;
using System.Net.Http.Json;
using Dashboard.Core.Storage;
using Dashboard.Simulator.Catalogue;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

/// <summary>
/// The wall on the TVs units really have, 1280×720 to 3840×2160: nothing leaves its panel or the screen, no two panels
/// overlap, no text is clipped or smaller than the 3.2vh the wall promises, and a number never wraps — for a national,
/// a region and a unit wall, with realistic load (overdue cases across every region, a long ticker).
/// </summary>
public sealed class WallFitTests(DashboardServerFixture server, ChromiumFixture chromium)
    : IClassFixture<DashboardServerFixture>, IClassFixture<ChromiumFixture>
{
    public static TheoryData<int, int> Screens => new() { { 1280, 720 }, { 1366, 768 }, { 1920, 1080 }, { 3840, 2160 } };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Wall_FitsTheScreen_NothingOverflowsOverlapsOrWraps(int width, int height)
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        await SeedOnceAsync();
        var token = await server.CreateDisplayTokenAsync(ReadScope.All);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            Locale = "es-MX",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/pantalla/{token}");
        foreach (var scope in new[] { "institution:IMSS", "region:IMSS-JAL", $"unit:{_busiestJaliscoUnit}", "institution:ESSALUD" })
        {
            await page.GotoAsync($"/wall/{scope}");
            await Expect(page.GetByTestId("wall-open")).Not.ToHaveTextAsync("0");
            await Expect(page.GetByTestId("wall-ticker").Locator(".wall-tick").First).ToBeAttachedAsync();
            await AssertFitsAsync(page, scope, width, height);
        }

        // The recognition slide of a playlist fits the same screens.
        await page.GotoAsync("/wall?playlist=recognition:region:IMSS-JAL");
        await Expect(page.GetByTestId("wall-recognition")).ToBeVisibleAsync();
        await AssertFitsAsync(page, "recognition:region:IMSS-JAL", width, height);
    }

    private static async Task AssertFitsAsync(IPage page, string scope, int width, int height)
    {
        var name = $"wall-{scope.Replace(':', '-')}-{width}x{height}.png";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", name) });
        // A live refresh can land mid-measurement on a loaded machine: the wall must fit once it settles, and stay
        // unfit for five seconds to fail.
        string[] problems = [];
        try
        {
            await page.WaitForFunctionAsync($"() => ({FitCheck})().length === 0", null, new PageWaitForFunctionOptions { Timeout = 5_000, PollingInterval = 250 });
        }
        catch (TimeoutException)
        {
            problems = await page.EvaluateAsync<string[]>(FitCheck);
        }

        Assert.True(problems.Length == 0, $"{scope} at {width}×{height}:\n" + string.Join('\n', problems.Take(20)));
    }

    /// <summary>Every panel inside the screen and apart from the others; every element inside its panel, unclipped, readable.</summary>
    private const string FitCheck = """
        () => {
            const problems = [];
            const vh = window.innerHeight / 100;
            const panels = [...document.querySelectorAll('[data-wall-panel]')];
            const name = e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.innerText || '').trim().slice(0, 40)}"`;
            const inside = (r, box) => r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
            if (panels.length < 4) problems.push(`only ${panels.length} panels`);
            panels.forEach((p, i) => {
                const box = p.getBoundingClientRect();
                if (!inside(box, { left: 0, top: 0, right: innerWidth, bottom: innerHeight })) problems.push(`panel ${p.dataset.wallPanel} leaves the screen`);
                panels.slice(i + 1).forEach(q => {
                    const o = q.getBoundingClientRect();
                    if (box.left < o.right - 1 && o.left < box.right - 1 && box.top < o.bottom - 1 && o.top < box.bottom - 1)
                        problems.push(`panels ${p.dataset.wallPanel} and ${q.dataset.wallPanel} overlap`);
                });
                for (const e of p.querySelectorAll('*')) {
                    if (e.closest('[data-scrolls]')) continue;
                    const r = e.getBoundingClientRect();
                    if (r.width === 0 || r.height === 0) continue;
                    if (!inside(r, box)) problems.push(`${name(e)} leaves panel ${p.dataset.wallPanel}`);
                    const style = getComputedStyle(e);
                    const ownText = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) || style.content.startsWith('"') || e.matches('[data-left]');
                    if (!ownText) continue;
                    if (parseFloat(style.fontSize) < 3.2 * vh - 0.5) problems.push(`${name(e)} is ${style.fontSize}, under 3.2vh`);
                    if (e.scrollWidth > e.clientWidth + 1 && style.display !== 'inline') problems.push(`${name(e)} is clipped across (${e.scrollWidth} > ${e.clientWidth})`);
                    if (e.scrollHeight > e.clientHeight + 2 && style.display !== 'inline') problems.push(`${name(e)} is clipped down (${e.scrollHeight} > ${e.clientHeight})`);
                }
            });
            for (const v of document.querySelectorAll('.wall-value, .wall-level b, .wall-region-rate, .wall-places td:not(:first-child)')) {
                const range = document.createRange();
                range.selectNodeContents(v);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (lines.size > 1) problems.push(`${name(v)} wraps onto ${lines.size} lines`);
            }
            return problems;
        }
        """;

    private static string _busiestJaliscoUnit = "";
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool _seeded;

    /// <summary>A realistic load once per server: 600 cases across both institutions, a third overdue, Jalisco the busiest.</summary>
    private async Task SeedOnceAsync()
    {
        await Seeded.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_seeded)
            {
                return;
            }

            var catalogue = DemoCatalogue.Build();
            var random = new Random(11);
            var jalisco = catalogue.Units.Where(u => u.RegionCode == "IMSS-JAL").ToArray();
            _busiestJaliscoUnit = jalisco.OrderByDescending(u => u.Size).First().Code;
            var events = Enumerable.Range(0, 600).Select(i =>
            {
                var unit = i % 5 == 0 ? jalisco[random.Next(jalisco.Length)] : i % 7 == 0 ? catalogue.Units.First(u => u.Code == _busiestJaliscoUnit)
                    : catalogue.Units[random.Next(catalogue.Units.Count)];
                return Opened(unit.Code, TimeSpan.FromHours(random.Next(0, 100)), random.Next(3) == 0, Categories[random.Next(Categories.Length)]);
            }).ToArray();
            using var api = server.CreateApiClient();
            foreach (var batch in events.Chunk(200))
            {
                using var response = await api.PostAsJsonAsync("api/v1/events", batch, TestContext.Current.CancellationToken);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            }

            _seeded = true;
        }
        finally
        {
            Seeded.Release();
        }
    }

    // The longest category names of both institutions, so the tightest boxes are tried.
    private static readonly string[] Categories = ["appointment-deferral", "institutional-process", "medicine-supply", "mistreatment", "waiting-time", "respect-rights"];

    private static object Opened(string unitCode, TimeSpan ago, bool complex, string category) => new
    {
        eventId = Guid.NewGuid(),
        type = "CaseOpened",
        caseId = $"FIT-{Guid.NewGuid():N}"[..18],
        occurredAt = DateTimeOffset.UtcNow.Subtract(ago).AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        data = new { unitCode, kind = "Complaint", channel = "Module", category, priority = "Medium", complex, summary = "Espera prolongada en ventanilla." },
    };
}
