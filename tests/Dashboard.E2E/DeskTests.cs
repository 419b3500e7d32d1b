using System.Globalization;
using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

/// <summary>What a técnica at her module sees and does.</summary>
public sealed class DeskTests(DashboardServerFixture server, ChromiumFixture chromium)
    : IClassFixture<DashboardServerFixture>, IClassFixture<ChromiumFixture>
{
    private static string Shot(string name) => Path.Combine(AppContext.BaseDirectory, "TestResults", name);

    [Fact]
    public async Task Tecnica_RegistersAComplaintWithTheKeyboardOnly_AndHerUnitsWallCountsItWithinASecond()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var cancellationToken = TestContext.Current.CancellationToken;
        var catalogue = server.Services.GetRequiredService<CatalogueService>().Current.Snapshot;
        var module = catalogue.Modules.First(m => catalogue.Units.Single(u => u.Code == m.UnitCode) is { RegionCode: "IMSS-JAL", Type: Core.Catalogue.UnitType.Umf });
        var userName = $"tecnica-{Guid.NewGuid():N}"[..16];
        var created = await server.Services.GetRequiredService<AccessAdministration>().CreateUserAsync(AccessAdministration.SystemActor("e2e"), userName,
            "Guadalupe Ramírez Soto", null, Role.Agent, ReadScope.ForUnit(module.UnitCode), DashboardServerFixture.Password, module.Code, cancellationToken);
        Assert.True(created.Succeeded, created.Problem);

        // Her unit's wall, on the TV of the waiting room.
        var token = await server.CreateDisplayTokenAsync(ReadScope.ForUnit(module.UnitCode));
        await using var tv = await chromium.NewScreenAsync(server.BaseAddress);
        var wall = await tv.NewPageAsync();
        var wallLive = ChromiumFixture.WatchForInteractiveRender(wall, "wall-open");
        await wall.GotoAsync($"/pantalla/{token}");
        await wallLive.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
        var open = wall.GetByTestId("wall-open");
        var before = int.Parse(await open.InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("es-MX"));

        var (context, page) = await chromium.SignedInScreenAsync(server.BaseAddress, userName, DashboardServerFixture.Password, "/");
        await using var _ = context;
        var formLive = ChromiumFixture.WatchForInteractiveRender(page, "register");
        await page.GotoAsync("/casos/nuevo");
        await formLive.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
        await Expect(page.GetByTestId("unit-fixed")).ToContainTextAsync(catalogue.Units.Single(u => u.Code == module.UnitCode).Name);
        await Expect(page.GetByTestId("module-fixed")).ToContainTextAsync(module.Name);

        // Without the mouse: the type has the focus; Tab walks the form, typing searches, Enter chooses.
        await Expect(page.Locator("[data-testid=kind]")).ToBeFocusedAsync();
        var keys = page.Keyboard;
        await keys.PressAsync("Tab"); // channel: Módulo de atención
        await keys.PressAsync("Tab"); // priority: media
        await keys.PressAsync("Tab"); // reason
        await keys.TypeAsync("mal trato");
        await Expect(page.GetByRole(AriaRole.Option).First).ToContainTextAsync("Mal trato");
        await keys.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=category]")).ToHaveValueAsync("Mal trato");
        // A list closes, then hands the focus back to its field: only then does Tab move on.
        await Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await keys.PressAsync("Tab"); // staff role
        await Expect(page.Locator("[data-testid=staff-role]")).ToBeFocusedAsync();
        await keys.PressAsync("ArrowDown");
        await Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await keys.TypeAsync("A"); // "Asistente médica"
        await keys.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=staff-role]")).ToHaveValueAsync("Asistente médica");
        await Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=staff-role]")).ToBeFocusedAsync();
        await keys.PressAsync("Tab"); // summary
        await Expect(page.Locator("[data-testid=summary]")).ToBeFocusedAsync();
        await keys.TypeAsync("La asistente médica le gritó en ventanilla al pedir su cita.");
        await keys.PressAsync("Tab"); // NSS
        await Expect(page.Locator("[data-testid=insured-id]")).ToBeFocusedAsync();
        await keys.TypeAsync("12345678901");
        await Expect(page.GetByText("El dígito verificador no coincide")).ToBeVisibleAsync();
        await keys.PressAsync("Backspace");
        await keys.TypeAsync("3");
        await Expect(page.GetByText("El dígito verificador no coincide")).Not.ToBeVisibleAsync();
        await keys.PressAsync("Control+Enter");

        try
        {
            await Expect(page.GetByTestId("registered")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("desk-registered.png"), FullPage = true });
        }

        await Expect(page.GetByTestId("registered-insured")).ToHaveTextAsync("*******8903");
        await Expect(open).ToHaveTextAsync((before + 1).ToString("N0", CultureInfo.GetCultureInfo("es-MX")), new LocatorAssertionsToHaveTextOptions { Timeout = 1_000 });

        // The case says who registered it, where, and about whom among the staff.
        await page.GetByTestId("open-registered").ClickAsync();
        await Expect(page.GetByTestId("case-staff-role")).ToContainTextAsync("Asistente médica");
        await Expect(page.GetByTestId("timeline-actor").First).ToContainTextAsync("Guadalupe Ramírez Soto (técnica de atención)");
        await Expect(page.GetByTestId("case-about")).ToContainTextAsync(module.Name);
    }
}
