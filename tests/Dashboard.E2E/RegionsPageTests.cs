using System.Globalization;
using System.Net.Http.Json;
using Dashboard.Simulator.Catalogue;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

public sealed class RegionsPageTests(DashboardServerFixture server, ChromiumFixture chromium)
    : IClassFixture<DashboardServerFixture>, IClassFixture<ChromiumFixture>
{
    private const string RegionCode = "IMSS-JAL";
    private static readonly CultureInfo MexicanSpanish = CultureInfo.GetCultureInfo("es-MX");

    [Fact]
    public async Task RegionsPage_EventPosted_CountRisesWithoutReload()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var cancellationToken = TestContext.Current.CancellationToken;
        var unit = DemoCatalogue.Build().Units.First(u => u.RegionCode == RegionCode);

        var (context, page) = await chromium.SignedInScreenAsync(server.BaseAddress, DashboardServerFixture.Administrator, DashboardServerFixture.Password, "/regions");
        await using var _ = context;
        var openCellTestId = $"open-{RegionCode}";
        var interactive = ChromiumFixture.WatchForInteractiveRender(page, openCellTestId);

        await page.GotoAsync("/regions");
        var openCell = page.GetByTestId(openCellTestId);
        await Expect(openCell).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await interactive.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await Expect(page.GetByTestId("live-status")).ToBeVisibleAsync();

        var totalOpen = page.GetByTestId("total-open");
        var before = await ReadCountAsync(openCell);
        var totalBefore = await ReadCountAsync(totalOpen);
        await page.EvaluateAsync("() => { window.__marker = 'set-before-post'; }");

        using var api = server.CreateApiClient();
        using var response = await api.PostAsJsonAsync("api/v1/events", CaseOpened(unit.Code), cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/v1/events → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");

        await Expect(openCell).ToHaveTextAsync(Format(before + 1), new LocatorAssertionsToHaveTextOptions { Timeout = 2000 });
        await Expect(totalOpen).ToHaveTextAsync(Format(totalBefore + 1), new LocatorAssertionsToHaveTextOptions { Timeout = 2000 });
        Assert.Equal("set-before-post", await page.EvaluateAsync<string?>("() => window.__marker ?? null"));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "regions-live.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {screenshot}");
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {screenshot}");
    }

    private static async Task<int> ReadCountAsync(ILocator locator) =>
        int.Parse(await locator.InnerTextAsync(), NumberStyles.AllowThousands, MexicanSpanish);

    private static string Format(int count) => count.ToString("N0", MexicanSpanish);

    private static object CaseOpened(string unitCode) => new
    {
        eventId = Guid.NewGuid(),
        type = "CaseOpened",
        caseId = $"E2E-{Guid.NewGuid():N}"[..20],
        occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        data = new
        {
            unitCode,
            kind = "Complaint",
            channel = "Module",
            category = "mistreatment",
            priority = "High",
            complex = true,
            summary = "E2E: trato inadecuado en ventanilla",
        },
    };
}
