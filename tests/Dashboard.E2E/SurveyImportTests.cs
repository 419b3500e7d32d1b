using System.Text;
using Dashboard.Core.Catalogue;
using Dashboard.Web.Catalogue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

/// <summary>An administrator imports the bimester's perception survey and sees the hospital's figure on the survey page and the overview.</summary>
public sealed class SurveyImportTests(DashboardServerFixture server, ChromiumFixture chromium)
    : IClassFixture<DashboardServerFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task AnAdministratorImportsTheBimestersSurvey_AndTheHospitalsFigureShowsOnItsPageAndTheOverview()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var ct = TestContext.Current.CancellationToken;
        var catalogue = server.Services.GetRequiredService<CatalogueService>().Current.Snapshot;
        var hospital = catalogue.Units.Where(u => u.RegionCode == "IMSS-JAL" && u.Type == UnitType.Hgz).OrderBy(u => u.Code, StringComparer.Ordinal).First();
        var today = DateTime.UtcNow;
        var csv = $"year,bimester,unitCode,respondents,satisfied,tratoDigno\n{today.Year},{(today.Month + 1) / 2},{hospital.Code},150,120,126\n";

        var (context, page) = await chromium.SignedInScreenAsync(server.BaseAddress, DashboardServerFixture.Administrator, DashboardServerFixture.Password, "/");
        await using (context)
        {
            var live = ChromiumFixture.WatchForInteractiveRender(page, "survey-file");
            await page.GotoAsync("/encuestas");
            await live.WaitAsync(TimeSpan.FromSeconds(30), ct);
            // The file input listens once Blazor's InputFile has set itself up on it (after the render that drew it): a
            // file chosen before that is never read (seen beside other work).
            await page.WaitForFunctionAsync("() => document.querySelector('input[type=file][data-testid=survey-file]')?._blazorInputFileNextFileId !== undefined");
            await page.Locator("input[type=file][data-testid=survey-file]").SetInputFilesAsync(new FilePayload
            {
                Name = "encuesta-bimestral.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
            });

            // The file goes through the circuit, then the page re-reads 343 hospitals: beside other work that can take longer
            // than Playwright's 5 s default. The wait is for the message; the bound only catches a hang.
            await Expect(page.GetByTestId("survey-import-done")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var row = page.GetByTestId("survey-result").Filter(new() { HasText = hospital.Name });
            // 120 of 150 satisfied: 80 %, with its 95 % interval (Wilson: 73–85 %).
            await Expect(row).ToContainTextAsync("80 %", new() { Timeout = 30_000 });

            await page.GotoAsync("/");
            await Expect(page.GetByTestId("overview-survey")).ToContainTextAsync("80 %");
        }
    }
}
