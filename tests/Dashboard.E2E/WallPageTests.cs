using System.Globalization;
using System.Net.Http.Json;
using Dashboard.Simulator.Catalogue;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

/// <summary>The wall on a 1920×1080 screen, as a supervisor's TV shows it.</summary>
public sealed class WallPageTests(DashboardServerFixture server, ChromiumFixture chromium)
    : IClassFixture<DashboardServerFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Wall_ShowsTheBigNumbersAndRisesWhenACaseOpens()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var cancellationToken = TestContext.Current.CancellationToken;
        var catalogue = DemoCatalogue.Build();
        var random = new Random(7);
        using var api = server.CreateApiClient();

        // A realistic morning: cases across IMSS units, some opened days ago (overdue), a share complex.
        var units = catalogue.Units.Where(u => u.Institution == Core.Catalogue.Institution.Imss).ToArray();
        var events = Enumerable.Range(0, 400).Select(i => Opened(units[random.Next(units.Length)].Code, TimeSpan.FromHours(random.Next(0, 120)), complex: random.Next(4) == 0)).ToArray();
        using (var response = await api.PostAsJsonAsync("api/v1/events", events, cancellationToken))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        // A TV opens its wall once with the display token an administrator made for it: IMSS's national wall.
        var token = await server.CreateDisplayTokenAsync(Core.Storage.ReadScope.ForInstitution("Imss"));
        await using var context = await chromium.NewScreenAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        var urls = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) => urls.Enqueue(request.Url);
        // The ticker carries what arrives while the wall is live, so the new case is posted only once the interactive
        // circuit (not the prerendered page) has drawn the wall.
        var interactive = ChromiumFixture.WatchForInteractiveRender(page, "wall-open");
        await page.GotoAsync($"/pantalla/{token}");
        var open = page.GetByTestId("wall-open");
        await Expect(open).ToBeVisibleAsync();
        await interactive.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        // The sweep marks the old ones overdue within a second or two; the wall follows the feed.
        await Expect(page.GetByTestId("wall-overdue")).Not.ToHaveTextAsync("0");
        await Expect(page.GetByTestId("wall-ranking").Locator("li").First).ToBeVisibleAsync();

        var before = int.Parse(await open.InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("es-MX"));
        using (var response = await api.PostAsJsonAsync("api/v1/events", Opened(units[0].Code, TimeSpan.Zero, complex: false), cancellationToken))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        await Expect(open).ToHaveTextAsync((before + 1).ToString("N0", CultureInfo.GetCultureInfo("es-MX")));

        // The ticker carries the latest events (the sweep's breaches may already have pushed the new case off it).
        await Expect(page.GetByTestId("wall-ticker")).Not.ToBeEmptyAsync();

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "wall-1920x1080.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {screenshot}");
        // No personal data on a wall: the fixtures' NSS never reaches its DOM, its text or any address it requested.
        Assert.DoesNotContain("12345678903", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b\d{11}\b", await page.InnerTextAsync("body"));
        Assert.DoesNotContain(urls, url => url.Contains("12345678903", StringComparison.Ordinal));
    }

    private static object Opened(string unitCode, TimeSpan ago, bool complex) => new
    {
        eventId = Guid.NewGuid(),
        type = "CaseOpened",
        caseId = $"W-{Guid.NewGuid():N}"[..18],
        occurredAt = DateTimeOffset.UtcNow.Subtract(ago).AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        data = new
        {
            unitCode,
            kind = "Complaint",
            channel = "Module",
            category = "waiting-time",
            priority = "Medium",
            complex,
            summary = "Espera prolongada en ventanilla.",
            insuredId = "12345678903",
        },
    };
}
