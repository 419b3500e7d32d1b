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
        await wallLive.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        var open = wall.GetByTestId("wall-open");
        var before = int.Parse(await open.InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("es-MX"));

        var (context, page) = await chromium.SignedInScreenAsync(server.BaseAddress, userName, DashboardServerFixture.Password, "/");
        await using var _ = context;
        var formLive = ChromiumFixture.WatchForInteractiveRender(page, "register");
        await page.GotoAsync("/casos/nuevo");
        await formLive.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
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
            await Expect(page.GetByTestId("registered")).ToBeVisibleAsync();
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("desk-registered.png"), FullPage = true });
        }

        await Expect(page.GetByTestId("registered-insured")).ToHaveTextAsync("*******8903");
        await Expect(open).ToHaveTextAsync((before + 1).ToString("N0", CultureInfo.GetCultureInfo("es-MX")));

        // The case says who registered it, where, and about whom among the staff.
        await page.GetByTestId("open-registered").ClickAsync();
        await Expect(page.GetByTestId("case-staff-role")).ToContainTextAsync("Asistente médica");
        await Expect(page.GetByTestId("timeline-actor").First).ToContainTextAsync("Guadalupe Ramírez Soto (técnica de atención)");
        await Expect(page.GetByTestId("case-about")).ToContainTextAsync(module.Name);
    }

    [Fact]
    public async Task Tecnica_OnALaptop_SeesTheWholeBarOnOneLine_AndReachesTheOtherPagesThroughMas()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var cancellationToken = TestContext.Current.CancellationToken;
        var userName = $"tecnica-{Guid.NewGuid():N}"[..16];
        var catalogue = server.Services.GetRequiredService<CatalogueService>().Current.Snapshot;
        var module = catalogue.Modules.First(m => catalogue.Units.Single(u => u.Code == m.UnitCode).RegionCode == "IMSS-JAL");
        var created = await server.Services.GetRequiredService<AccessAdministration>().CreateUserAsync(AccessAdministration.SystemActor("e2e"), userName,
            "María Guadalupe Hernández Ruiz", null, Role.Agent, ReadScope.ForUnit(module.UnitCode), DashboardServerFixture.Password, module.Code, cancellationToken);
        Assert.True(created.Succeeded, created.Problem);
        var (context, page) = await chromium.SignedInScreenAsync(server.BaseAddress, userName, DashboardServerFixture.Password, "/");
        await using var _ = context;

        // The laptops of the modules and the offices: 1280 and 1366 px wide. Every word of the bar on one line, none hidden
        // under another, and the bar no taller than its dense height.
        foreach (var width in new[] { 1280, 1366 })
        {
            await page.SetViewportSizeAsync(width, 768);
            var live = ChromiumFixture.WatchForInteractiveRender(page, "nav-more");
            await page.GotoAsync("/mis-casos");
            await live.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot($"desk-bar-{width}.png") });
            var wrapped = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.mud-appbar .mud-button-label, .mud-appbar [data-testid=signed-in-as]')]
                    .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(e).lineHeight))
                    .map(e => e.textContent.trim())
                """);
            Assert.Empty(wrapped);
            var bar = await page.EvaluateAsync<double[]>("""
                () => { const t = document.querySelector('.mud-appbar .mud-toolbar'); return [t.scrollWidth - t.clientWidth, t.getBoundingClientRect().height]; }
                """);
            Assert.True(bar[0] <= 0, $"at {width} px the bar is {bar[0]} px wider than the screen");
            Assert.True(bar[1] <= 48, $"at {width} px the bar is {bar[1]} px tall");
            await Expect(page.GetByTestId("nav-my-cases")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("María Guadalupe Hernández Ruiz");
            await Expect(page.GetByTestId("nav-training")).ToBeHiddenAsync();
        }

        await page.GetByTestId("nav-more").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new PageGetByRoleOptions { Name = "Capacitación" }).ClickAsync();
        await page.WaitForURLAsync("**/capacitacion");
        await Expect(page.Locator("h1")).ToBeVisibleAsync();

        // From 1920 px the same pages are in the bar itself.
        await page.SetViewportSizeAsync(1920, 1080);
        await Expect(page.GetByTestId("nav-training")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-more")).ToBeHiddenAsync();
    }
}
