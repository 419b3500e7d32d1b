using System.Globalization;
using System.Net.Http.Json;
using Dashboard.Simulator.Catalogue;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

/// <summary>A wall runs for weeks: when the server goes away it keeps its numbers under a banner, and comes back by itself.</summary>
public sealed class WallResilienceTests(DashboardServerFixture server, ChromiumFixture chromium)
    : IClassFixture<DashboardServerFixture>, IClassFixture<ChromiumFixture>
{
    private static readonly CultureInfo MexicanSpanish = CultureInfo.GetCultureInfo("es-MX");

    [Fact]
    public async Task Wall_ServerStops_KeepsItsNumbersUnderTheBannerAndRecoversWhenItReturns()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var cancellationToken = TestContext.Current.CancellationToken;
        var unit = DemoCatalogue.Build().Units.First(u => u.RegionCode == "IMSS-PUE");

        // A TV opens its wall once with the display token an administrator made for it.
        var token = await server.CreateDisplayTokenAsync(Core.Storage.ReadScope.All);
        await using var context = await chromium.NewScreenAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/pantalla/{token}");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        var open = page.GetByTestId("wall-open");
        var banner = page.GetByTestId("wall-offline");

        // Live: a posted case shows up without reload.
        await PostOpenedAsync(unit.Code, cancellationToken);
        await Expect(open).ToHaveTextAsync("1");
        await Expect(banner).ToBeHiddenAsync();

        await server.StopAsync();

        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("Sin conexión desde");
        await Expect(open).ToHaveTextAsync("1");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "wall-offline.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });

        server.Restart();

        // The server no longer knows the old circuit: the page reloads itself and is live again.
        await Expect(banner).ToBeHiddenAsync(new LocatorAssertionsToBeHiddenOptions { Timeout = 30_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await PostOpenedAsync(unit.Code, cancellationToken);
        await Expect(open).ToHaveTextAsync(2.ToString("N0", MexicanSpanish));
    }

    private async Task PostOpenedAsync(string unitCode, CancellationToken cancellationToken)
    {
        using var api = server.CreateApiClient();
        using var response = await api.PostAsJsonAsync("api/v1/events", new
        {
            eventId = Guid.NewGuid(),
            type = "CaseOpened",
            caseId = $"R-{Guid.NewGuid():N}"[..18],
            occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            data = new { unitCode, kind = "Request", channel = "CallCenter", category = "appointment-deferral", priority = "Low", complex = false, summary = "Cita diferida." },
        }, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
