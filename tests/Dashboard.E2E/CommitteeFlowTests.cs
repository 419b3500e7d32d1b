using System.Globalization;
using System.Net.Http.Json;
using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Committees;
using Dashboard.Web.Security;
using Dashboard.Web.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

/// <summary>
/// A quarter of an OOAD's Trato Digno committee as its people live it: the technical secretary opens the quarter's
/// session, finds an escalated case and an overdue agreement on the agenda, records an agreement for a unit and
/// closes the session; the unit's director follows both agreements to done with evidence on her unit's page; the
/// central committee's view then shows the OOAD as complying.
/// </summary>
public sealed class CommitteeFlowTests(DashboardServerFixture server, ChromiumFixture chromium)
    : IClassFixture<DashboardServerFixture>, IClassFixture<ChromiumFixture>
{
    private static string Shot(string name) => Path.Combine(AppContext.BaseDirectory, "TestResults", name);

    [Fact]
    public async Task TheSecretaryHoldsTheQuartersSession_TheDirectorCompliesWithEvidence_AndTheCentralViewShowsTheOoadComplying()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var ct = TestContext.Current.CancellationToken;
        var catalogue = server.Services.GetRequiredService<CatalogueService>().Current.Snapshot;
        var unit = catalogue.Units.Where(u => u.RegionCode == "IMSS-JAL" && u.Type == UnitType.Umf).OrderBy(u => u.Code, StringComparer.Ordinal).Skip(3).First();
        var admin = AccessAdministration.SystemActor("e2e");
        var access = server.Services.GetRequiredService<AccessAdministration>();
        var secretary = $"secretaria.{Guid.NewGuid():N}"[..20];
        var director = $"direccion.{Guid.NewGuid():N}"[..20];
        Assert.True((await access.CreateUserAsync(admin, secretary, "Mtra. Rosa Elena Vargas", null, Role.Supervisor, ReadScope.ForRegion("IMSS-JAL"), DashboardServerFixture.Password,
            cancellationToken: ct)).Succeeded);
        Assert.True((await access.CreateUserAsync(admin, director, "Dr. Julio César Núñez", null, Role.Director, ReadScope.ForUnit(unit.Code), DashboardServerFixture.Password,
            cancellationToken: ct)).Succeeded);
        var committees = server.Services.GetRequiredService<CommitteeService>();
        var ooad = CommitteePlan.RegionCode("IMSS-JAL");
        Assert.Null(await committees.SetMemberAsync(AdminPrincipal(), ooad, secretary, CommitteeRole.TechnicalSecretary, ct));

        // The board: a complex case of the unit overdue and escalated; an agreement of an earlier session past its day.
        var caseId = $"CF-{Guid.NewGuid():N}"[..18];
        using (var api = server.CreateApiClient())
        using (var response = await api.PostAsJsonAsync("api/v1/events", new
        {
            eventId = Guid.NewGuid(),
            type = "CaseOpened",
            caseId,
            occurredAt = DateTimeOffset.UtcNow.AddDays(-12).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            data = new { unitCode = unit.Code, kind = "Complaint", channel = "Module", category = "mistreatment", priority = "High", complex = true, summary = "Trato descortés en urgencias." },
        }, ct))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
        }

        await server.Services.GetRequiredService<SlaSweepJob>().RunAsync(ct);
        var earlier = new CommitteeSession(Guid.NewGuid(), ooad, SessionKind.Extraordinary, new DateOnly(2026, 6, 4), "Sesión extraordinaria: sala de espera",
            SessionStatus.Planned, null, [], null, null, null, null);
        await server.Services.GetRequiredService<ICommitteeSessionStore>().PlanAsync([earlier], ct);
        const string OverdueText = "Reparar el aire acondicionado de la sala de espera.";
        await server.Services.GetRequiredService<IAgreementStore>().InsertAsync([new Agreement(Guid.NewGuid(), ooad, earlier.Id, AgreementType.Corrective, OverdueText,
            AgreementOwnerKind.Unit, unit.Code, new DateOnly(2026, 9, 30), AgreementStatus.Pending, new DateTimeOffset(2026, 6, 4, 18, 0, 0, TimeSpan.Zero), "secretaría")
        {
            Institution = unit.Institution.Code, RegionCode = unit.RegionCode, UnitCode = unit.Code, OverdueAfter = new DateTimeOffset(2026, 10, 1, 6, 0, 0, TimeSpan.Zero),
        }], [], [], ct);

        // The secretary plans the year and opens the quarter's session.
        var (context, page) = await chromium.SignedInScreenAsync(server.BaseAddress, secretary, DashboardServerFixture.Password, "/");
        await using (context)
        {
            // The buttons work once the page is interactive, not while it is only prerendered.
            var live = ChromiumFixture.WatchForInteractiveRender(page, "plan-year");
            await page.GotoAsync($"/comites/{ooad}");
            await live.WaitAsync(TimeSpan.FromSeconds(30), ct);
            await page.GetByTestId("plan-year").ClickAsync();
            var year = DateTime.UtcNow.Year;
            var quarter = (DateTime.UtcNow.Month + 2) / 3;
            var title = $"Sesión ordinaria {quarter}.º trimestre {year}";
            await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
            await page.GetByTestId("session-open").ClickAsync();
            await Expect(page.GetByTestId("session-status")).ToContainTextAsync("En curso");

            await Expect(page.GetByTestId("agenda-escalated")).ToContainTextAsync(caseId);
            await Expect(page.GetByTestId("agenda-agreements")).ToContainTextAsync(OverdueText);
            await Expect(page.GetByTestId("agenda-agreements")).ToContainTextAsync("Vencido");
            await Expect(page.GetByTestId("session-agenda")).Not.ToContainTextAsync("Trato descortés en urgencias.");

            await page.Locator($"input[data-testid=\"attendee-{secretary}\"]").CheckAsync();
            await page.Locator("textarea[data-testid=session-minutes]").FillAsync("Se revisó el caso escalado de la unidad y el acuerdo vencido de junio.");
            await page.Locator("input[data-testid=agreement-text]").FillAsync("Capacitar al personal de urgencias en el protocolo de Buen Trato.");
            await page.GetByTestId("agreement-owner").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = unit.Name, Exact = true }).ClickAsync();
            await page.Locator("input[data-testid=agreement-due]").FillAsync(DateTime.UtcNow.AddDays(40).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            await page.Keyboard.PressAsync("Tab");
            await page.GetByTestId("agreement-add").ClickAsync();
            await Expect(page.GetByTestId("session-agreements")).ToContainTextAsync("Capacitar al personal de urgencias");

            await page.GetByTestId("session-close").ClickAsync();
            await Expect(page.GetByTestId("session-status")).ToContainTextAsync("Cerrada");
            await Expect(page.GetByTestId("agenda-held")).ToContainTextAsync(caseId);
            await page.ScreenshotAsync(new() { Path = Shot("committee-session-closed.png"), FullPage = true });

            // The quarter's workbook for the minutes, from the committee's page: its agreements sheet holds the new one.
            await page.GetByRole(AriaRole.Link, new() { Name = "Comité de Trato Digno · OOAD Jalisco" }).First.ClickAsync();
            await Expect(page.GetByTestId("report-workbook-link")).ToBeVisibleAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-workbook-link").ClickAsync());
            var file = Path.Combine(Path.GetTempPath(), $"informe-{Guid.NewGuid():N}.xlsx");
            await download.SaveAsAsync(file);
            try
            {
                var agreed = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true, sheetName: "Acuerdos").Cast<IDictionary<string, object?>>().ToArray();
                Assert.Contains(agreed, r => (r["Acuerdo"] as string)?.StartsWith("Capacitar al personal de urgencias", StringComparison.Ordinal) == true);
            }
            finally
            {
                File.Delete(file);
            }
        }

        // The unit's director follows both agreements to done, with evidence, on her unit's page.
        var (directorContext, unitPage) = await chromium.SignedInScreenAsync(server.BaseAddress, director, DashboardServerFixture.Password, "/");
        await using (directorContext)
        {
            var unitLive = ChromiumFixture.WatchForInteractiveRender(unitPage, "unit-agreements");
            await unitPage.GotoAsync($"/unidades/{unit.Code}");
            await unitLive.WaitAsync(TimeSpan.FromSeconds(30), ct);
            var agreements = unitPage.GetByTestId("unit-agreements");
            await Expect(agreements).ToContainTextAsync("Capacitar al personal de urgencias");
            await Expect(agreements).ToContainTextAsync(OverdueText);
            foreach (var evidence in new[] { "Se capacitó a 18 personas de urgencias; lista de asistencia en el expediente.", "Aire acondicionado reparado el 20 de noviembre; orden de servicio 4471." })
            {
                var row = agreements.Locator("tr").Filter(new() { Has = unitPage.GetByTestId("agreement-follow") }).First;
                await row.Locator("input[data-testid=agreement-note]").FillAsync(evidence);
                await row.GetByTestId("agreement-follow").ClickAsync();
                await Expect(agreements).ToContainTextAsync(evidence[..20]);
            }

            await Expect(agreements.GetByTestId("agreement-follow")).ToHaveCountAsync(0);
            await Expect(agreements.GetByTestId("agreement-status").First).ToContainTextAsync("Cumplido");
        }

        // The central committee's view: the OOAD complies.
        var (centralContext, central) = await chromium.SignedInScreenAsync(server.BaseAddress, DashboardServerFixture.Administrator, DashboardServerFixture.Password,
            $"/comites/{CommitteePlan.CentralCode(Institution.Imss)}");
        await using (centralContext)
        {
            await Expect(central.GetByTestId($"compliance-{ooad}")).ToHaveTextAsync("Cumple");
            await central.ScreenshotAsync(new() { Path = Shot("committee-central-compliance.png"), FullPage = true });
        }
    }

    private static System.Security.Claims.ClaimsPrincipal AdminPrincipal() =>
        new(TableroClaims.Identity("e2e", "admin.e2e", nameof(Role.Administrator), ReadScope.All, RolePermissions.Of(Role.Administrator), CredentialKind.User,
            Guid.NewGuid().ToString(), 1));
}
