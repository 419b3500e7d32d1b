using System.Globalization;
using System.Net.Http.Json;
using Dashboard.Simulator.Catalogue;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.E2E;

/// <summary>
/// An OOAD's director takes the quarter's report from her committee's page: the workbook downloads with her session (and
/// opens with its five sheets), and the page for the minutes prints without the app's bars, on A4.
/// </summary>
public sealed class CommitteeReportTests(DashboardServerFixture server, ChromiumFixture chromium)
    : IClassFixture<DashboardServerFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task CommitteePage_DownloadsTheQuartersWorkbook_AndItsPageForTheMinutesPrints()
    {
        Assert.SkipUnless(ChromiumFixture.IsInstalled, ChromiumFixture.MissingReason);
        var cancellationToken = TestContext.Current.CancellationToken;
        var unit = DemoCatalogue.Build().Units.First(u => u.RegionCode == "IMSS-JAL");
        var caseId = $"E2E-{Guid.NewGuid():N}"[..20];
        using var api = server.CreateApiClient();
        using var response = await api.PostAsJsonAsync("api/v1/events", new
        {
            eventId = Guid.NewGuid(),
            type = "CaseOpened",
            caseId,
            occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            data = new { unitCode = unit.Code, kind = "Complaint", channel = "Module", category = "mistreatment", priority = "High", complex = false, summary = "E2E: trato descortés" },
        }, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellationToken));

        var (context, page) = await chromium.SignedInScreenAsync(server.BaseAddress, DashboardServerFixture.Director, DashboardServerFixture.Password, "/comites/R-IMSS-JAL");
        await using var _ = context;
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=report-workbook-link]"));
        var file = Path.Combine(Path.GetTempPath(), $"informe-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            Assert.Equal(["Indicadores por unidad", "Impacto institucional", "Escalamientos", "Acuerdos", "Brigadas y hallazgos"], MiniExcel.GetSheetNames(file));
            var units = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Indicadores por unidad").Cast<IDictionary<string, object?>>().ToArray();
            Assert.Contains(units, r => (string?)r["Unidad"] == unit.Name);
            Assert.Equal("Total", units[^1]["Unidad"]);
        }
        finally
        {
            File.Delete(file);
        }

        await page.ClickAsync("[data-testid=report-print-link]");
        await page.WaitForURLAsync("**/comites/informe/R-IMSS-JAL?anio=*");
        await Expect(page.Locator("[data-testid=report-units]")).ToContainTextAsync(unit.Name);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=report-print]")).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true });
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        var printed = Path.Combine(AppContext.BaseDirectory, "TestResults", "informe-trimestral.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(printed)!);
        await File.WriteAllBytesAsync(printed, pdf, cancellationToken);
        TestContext.Current.SendDiagnosticMessage($"Printed: {printed}");
    }
}
