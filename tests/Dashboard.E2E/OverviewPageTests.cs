using System.Globalization;
using System.Net.Http.Json;
using Dashboard.Simulator.Catalogue;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

/// <summary>A director at the desk: the overview's numbers open their cases; the region's units open the unit's.</summary>
public sealed class OverviewPageTests(DashboardServerFixture server, ChromiumFixture chromium)
    : IClassFixture<DashboardServerFixture>, IClassFixture<ChromiumFixture>
{
    private static string Shot(string name) => Path.Combine(AppContext.BaseDirectory, "TestResults", name);

    [Fact]
    public async Task Overview_NumberOpensItsCases_RegionUnitOpensTheUnitsCases()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var cancellationToken = TestContext.Current.CancellationToken;
        var unit = DemoCatalogue.Build().Units.First(u => u.RegionCode == "IMSS-JAL" && u.Type == Core.Catalogue.UnitType.Hgz);
        var caseId = $"OV-{Guid.NewGuid():N}"[..18];

        using var api = server.CreateApiClient();
        using (var response = await api.PostAsJsonAsync("api/v1/events", new
        {
            eventId = Guid.NewGuid(),
            type = "CaseOpened",
            caseId,
            occurredAt = DateTimeOffset.UtcNow.AddHours(-2).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            data = new { unitCode = unit.Code, kind = "Complaint", channel = "CallCenter", category = "waiting-time", priority = "Medium", complex = true, summary = "Espera de cuatro horas en urgencias." },
        }, cancellationToken))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        // The home page is the overview, filtered by a shared link; the director signs in first and comes back to it.
        var (context, page) = await chromium.SignedInScreenAsync(server.BaseAddress, DashboardServerFixture.Director, DashboardServerFixture.Password,
            "/?region=IMSS-JAL&channel=CallCenter");
        await using var _ = context;
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Resumen" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("kpi-complex")).ToHaveTextAsync("1");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        // The charts size themselves to their boxes once the browser has laid them out.
        await Expect(page.GetByTestId("chart-categories")).ToContainTextAsync("Tiempo de espera");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("overview.png"), FullPage = true });

        await page.GetByTestId("kpi-complex-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "/casos?region=IMSS-JAL&channel=CallCenter&complex=true").ToString());
        await Expect(page.GetByTestId($"case-link-{caseId}")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("case-list.png"), FullPage = true });

        // A full load of the region: its circuit starts from what the prerender read (all its units, over SignalR's
        // default 32 KB message) and takes the page over, so a header sorts.
        var regionLive = ChromiumFixture.WatchForInteractiveRender(page, "units-table");
        await page.GotoAsync("/regiones/IMSS-JAL");
        await regionLive.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await Expect(page.GetByTestId($"complex-{unit.Code}")).ToHaveTextAsync("1");
        await page.Locator("button[data-sort=unit]").ClickAsync();
        await Expect(page.Locator("th:has(button[data-sort=unit])")).ToHaveAttributeAsync("aria-sort", "ascending");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("region.png"), FullPage = true });

        await page.GetByTestId($"complex-{unit.Code}").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = unit.Name })).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"case-link-{caseId}")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("unit-filtered.png"), FullPage = true });
        TestContext.Current.SendDiagnosticMessage($"Screenshots: {Shot("overview.png")}, {Shot("region.png")}");
    }
}
