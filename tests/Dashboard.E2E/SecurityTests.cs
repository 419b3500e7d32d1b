using Dashboard.Core.Access;
using Dashboard.Core.Storage;
using Dashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

/// <summary>What a person sees of sign-in, administration and revocation.</summary>
public sealed class SecurityTests(DashboardServerFixture server, ChromiumFixture chromium)
    : IClassFixture<DashboardServerFixture>, IClassFixture<ChromiumFixture>
{
    private static string Shot(string name) => Path.Combine(AppContext.BaseDirectory, "TestResults", name);

    [Fact]
    public async Task RevokedDirector_TheOpenPageTurnsIntoTheSignInFormWithinAMinute()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var admin = server.Services.GetRequiredService<AccessAdministration>();
        var userName = $"direccion-{Guid.NewGuid():N}"[..18];
        await admin.CreateUserAsync(AccessAdministration.SystemActor("e2e"), userName, "Dr. Jorge Salas", null, Role.Director, ReadScope.ForRegion("IMSS-JAL"),
            DashboardServerFixture.Password, cancellationToken: TestContext.Current.CancellationToken);
        var (context, page) = await chromium.SignedInScreenAsync(server.BaseAddress, userName, DashboardServerFixture.Password, "/regions");
        await using var _ = context;
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("Dr. Jorge Salas");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        var user = (await server.Services.GetRequiredService<IAccessStore>().ReadUserByNameAsync(userName, TestContext.Current.CancellationToken))!;
        await admin.SetRevokedAsync(AccessAdministration.SystemActor("e2e"), user.Id, true, TestContext.Current.CancellationToken);

        // The circuit re-checks every 2 s here (30 s by default, 60 s at most): the page goes, the form comes.
        await page.WaitForURLAsync("**/cuenta/entrar**", new PageWaitForURLOptions { Timeout = 60_000 });
        await Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AdministratorCreatesADisplay_TheTvOpensItsRegionWithTheAddressAndGoesDarkWhenRevoked()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var (adminContext, admin) = await chromium.SignedInScreenAsync(server.BaseAddress, DashboardServerFixture.Administrator, DashboardServerFixture.Password,
            "/admin/pantallas");
        await using var _ = adminContext;
        // Typing into the prerendered form before the circuit takes it over would be lost: wait for the live render.
        var interactive = ChromiumFixture.WatchForInteractiveRender(admin, "create-display");
        await admin.GotoAsync("/admin/pantallas");
        await interactive.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var where = $"Sala de espera {Guid.NewGuid():N}"[..22];
        // The scope is picked from the catalogue, as an administrator would; then the name, and the click right after
        // typing creates the display with it (the field binds on input). Typed first, a busy machine could render the
        // scope's change over the field before the typing reached the circuit, and the button stayed disabled.
        await admin.GetByTestId("new-display-scope-level").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "OOAD / Red" }).ClickAsync();
        await admin.GetByTestId("new-display-scope-region").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "OOAD Jalisco · IMSS" }).ClickAsync();
        await admin.Locator("input[data-testid=new-display-name]").FillAsync(where);
        await admin.GetByTestId("create-display").ClickAsync();
        try
        {
            await Expect(admin.GetByTestId("secret")).ToBeVisibleAsync();
        }
        finally
        {
            await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-displays.png"), FullPage = true });
        }

        await Expect(admin.GetByTestId("displays").Locator("tr", new LocatorLocatorOptions { HasText = where })).ToContainTextAsync("OOAD Jalisco");
        var address = await admin.GetByTestId("secret").Locator("code").InnerTextAsync();

        await using var tv = await chromium.NewScreenAsync(server.BaseAddress);
        var wall = await tv.NewPageAsync();
        await wall.GotoAsync(address);
        await Expect(wall.GetByTestId("wall-scope")).ToHaveTextAsync("OOAD Jalisco");
        Assert.DoesNotContain("/pantalla/", wall.Url, StringComparison.Ordinal);
        await wall.WaitForFunctionAsync("() => window.Blazor !== undefined");

        await admin.GetByTestId("displays").Locator("tr", new LocatorLocatorOptions { HasText = where }).GetByRole(AriaRole.Button).ClickAsync();

        await wall.WaitForURLAsync("**/cuenta/entrar**", new PageWaitForURLOptions { Timeout = 60_000 });
    }

    [Fact]
    public async Task SignIn_WrongPasswordSaysSoAndTheAdministratorReachesTheUsersPage()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        await using var context = await chromium.NewScreenAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/usuarios");
        await page.WaitForURLAsync("**/cuenta/entrar**");
        await page.FillAsync("#userName", DashboardServerFixture.Administrator);
        await page.FillAsync("#password", "no-es-la-contraseña");
        await page.ClickAsync("[data-testid=sign-in]");
        await Expect(page.GetByTestId("sign-in-error")).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("sign-in.png") });

        await page.FillAsync("#userName", DashboardServerFixture.Administrator);
        await page.FillAsync("#password", DashboardServerFixture.Password);
        await page.ClickAsync("[data-testid=sign-in]");

        await page.WaitForURLAsync("**/admin/usuarios");
        await Expect(page.GetByTestId("users")).ToContainTextAsync(DashboardServerFixture.Director);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-users.png"), FullPage = true });
    }
}
