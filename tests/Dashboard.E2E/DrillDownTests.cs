using System.Globalization;
using System.Net.Http.Json;
using Dashboard.Simulator.Catalogue;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

/// <summary>A director's path: from the wall's ranking to the unit, to the overdue case, and acting on it.</summary>
public sealed class DrillDownTests(DashboardServerFixture server, ChromiumFixture chromium)
    : IClassFixture<DashboardServerFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Wall_ToUnit_ToCase_ThenNoteAndResolve()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var cancellationToken = TestContext.Current.CancellationToken;
        var catalogue = DemoCatalogue.Build();
        var unit = catalogue.Units.First(u => u.RegionCode == "IMSS-JAL" && u.Type == Core.Catalogue.UnitType.Umf && catalogue.Agents.Any(a => a.UnitCode == u.Code));
        var caseId = $"DD-{Guid.NewGuid():N}"[..18];

        using var api = server.CreateApiClient();
        using (var response = await api.PostAsJsonAsync("api/v1/events", new
        {
            eventId = Guid.NewGuid(),
            type = "CaseOpened",
            caseId,
            occurredAt = DateTimeOffset.UtcNow.AddDays(-10).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            data = new { unitCode = unit.Code, kind = "Complaint", channel = "Module", category = "mistreatment", priority = "High", complex = true, summary = "Trato descortés en ventanilla de vigencia." },
        }, cancellationToken))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        // A director of the unit's region: the wall of her region, then its cases.
        var (context, page) = await chromium.SignedInScreenAsync(server.BaseAddress, DashboardServerFixture.Director, DashboardServerFixture.Password, "/wall");
        await using var _ = context;

        // The sweep escalates the overdue complex case; its unit rises into the ranking.
        var unitLink = page.GetByTestId("wall-ranking").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = unit.Name });
        await Expect(unitLink).ToBeVisibleAsync();
        // The ranking re-renders as events arrive; follow its link as a person would open it.
        var href = await unitLink.GetAttributeAsync("href");
        Assert.Equal($"/unidades/{unit.Code}", href);
        await page.GotoAsync(href!);

        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = unit.Name })).ToBeVisibleAsync();
        var caseLink = page.GetByTestId($"case-link-{caseId}");
        try
        {
            await Expect(caseLink).ToBeVisibleAsync();
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "unit-cases.png"), FullPage = true });
        }

        await caseLink.ClickAsync();

        await Expect(page.GetByTestId("case-sla")).ToHaveTextAsync("Vencido");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "case-overdue.png"), FullPage = true });
        await Expect(page.GetByTestId("case-category")).ToHaveTextAsync("Mal trato");
        var note = page.GetByLabel("Nota o resolución");
        // Typed and clicked at once, without leaving the field: the note binds on input, so the first click sends it.
        await note.FillAsync("Se ofreció disculpa y se reprogramó la cita para mañana.");
        await page.GetByTestId("act-note").ClickAsync();
        await Expect(page.GetByTestId("case-timeline")).ToContainTextAsync("Se ofreció disculpa");
        // The re-render after an action keeps the reader's language.
        await Expect(page.GetByTestId("case-category")).ToHaveTextAsync("Mal trato");

        await note.FillAsync("Atendido por la dirección; cita reprogramada.");
        await page.GetByTestId("act-resolve").ClickAsync();
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync("Resuelto");
        await Expect(page.GetByTestId("case-category")).ToHaveTextAsync("Mal trato");
        await Expect(page.GetByTestId("case-timeline")).Not.ToContainTextAsync("Module");

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "case-resolved.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {screenshot}");
    }
}
