using System.Globalization;
using System.Net.Http.Json;
using Dashboard.Simulator.Catalogue;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

/// <summary>What a director sees: a case two weeks overdue climbs the ladder by itself and lands on the alerts page.</summary>
public sealed class AlertsPageTests(DashboardServerFixture server, ChromiumFixture chromium)
    : IClassFixture<DashboardServerFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task AlertsPage_OverdueComplexCase_IsEscalatedByTheSweepAndAcknowledged()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var cancellationToken = TestContext.Current.CancellationToken;
        var unit = DemoCatalogue.Build().Units.First(u => u.RegionCode == "IMSS-NL");
        var caseId = $"E2E-{Guid.NewGuid():N}"[..20];

        using var api = server.CreateApiClient();
        using var response = await api.PostAsJsonAsync("api/v1/events", new
        {
            eventId = Guid.NewGuid(),
            type = "CaseOpened",
            caseId,
            occurredAt = DateTimeOffset.UtcNow.AddDays(-14).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            data = new { unitCode = unit.Code, kind = "Complaint", channel = "Module", category = "medicine-supply", priority = "High", complex = true, summary = "E2E: sin surtimiento de receta" },
        }, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellationToken));

        var (context, page) = await chromium.SignedInScreenAsync(server.BaseAddress, DashboardServerFixture.Administrator, DashboardServerFixture.Password, "/");
        await using var _ = context;
        // The buttons work once the circuit has the page: on a busy machine the sweep can be done before it, and a click on the
        // prerendered button would be lost.
        var live = ChromiumFixture.WatchForInteractiveRender(page, "alerts-table");
        await page.GotoAsync("/alertas");
        await live.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

        // The host's own Hangfire jobs: the sweep (every second), then the alert job (every two), then the page's refresh.
        var row = page.Locator("tr", new PageLocatorOptions { HasText = caseId });
        await Expect(row).ToHaveCountAsync(3);
        await Expect(row.Filter(new LocatorFilterOptions { HasText = "Comité central" })).ToBeVisibleAsync();

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "alerts.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {screenshot}");

        await row.Filter(new LocatorFilterOptions { HasText = "Dirección de la unidad" }).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Acusar recibo" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(2);
    }
}
