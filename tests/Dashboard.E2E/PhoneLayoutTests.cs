using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

/// <summary>A director on a phone held upright (390×844): every desk page fits its width, the menu is a drawer.</summary>
public sealed class PhoneLayoutTests(DashboardServerFixture server, ChromiumFixture chromium)
    : IClassFixture<DashboardServerFixture>, IClassFixture<ChromiumFixture>
{
    private static readonly string[] DeskPages = ["/", "/regions", "/regiones/IMSS-JAL", "/casos", "/alertas", "/reconocimientos"];

    private static string Shot(string name) => Path.Combine(AppContext.BaseDirectory, "TestResults", name);

    [Fact]
    public async Task Phone_EveryDeskPageFitsItsWidth_TheMenuIsADrawer_AndTheNumbersComeBeforeTheFilters()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var (context, page) = await chromium.SignedInScreenAsync(server.BaseAddress, DashboardServerFixture.Director, DashboardServerFixture.Password, "/");
        await using var _ = context;
        await page.SetViewportSizeAsync(390, 844);

        foreach (var path in DeskPages)
        {
            await page.GotoAsync(path);
            await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot($"phone{path.Replace('/', '-')}.png"), FullPage = true });
            // Nothing wider than the screen: no sideways scrolling, no menu words run together off the edge.
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than the phone");
            await Expect(page.GetByTestId("nav-menu")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("nav-bar")).ToBeHiddenAsync();
        }

        // The overview: its numbers on the first screen, the filters folded behind one button.
        // The toggle works once the circuit has taken the page over (a click on the prerendered button does nothing).
        var overviewLive = ChromiumFixture.WatchForInteractiveRender(page, "filters-toggle");
        await page.GotoAsync("/");
        await overviewLive.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await Expect(page.GetByTestId("kpi-open")).ToBeInViewportAsync();
        await Expect(page.GetByTestId("overview-filters")).ToBeHiddenAsync();
        await page.GetByTestId("filters-toggle").ClickAsync();
        await Expect(page.GetByTestId("overview-filters")).ToBeVisibleAsync();

        await page.GetByTestId("nav-menu").ClickAsync();
        await page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Casos" }).ClickAsync();
        await page.WaitForURLAsync("**/casos");
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Casos" })).ToBeVisibleAsync();
    }
}
