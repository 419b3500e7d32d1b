using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bunit;
using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Committees;
using Dashboard.Core.Storage;
using Dashboard.Web.Committees;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Dashboard.Web.Tests.Committees;

/// <summary>
/// A committee's quarterly report: an OOAD's director downloads the workbook with her session cookie, and the workbook,
/// opened again with the library that wrote it, has the five sheets and totals that match the database; a committee
/// outside her scope is not found, bad parameters are a 400 naming them; the print page shows the same tables.
/// </summary>
public sealed class QuarterlyReportTests : PageTestContext, IClassFixture<TableroFactory>
{
    private static readonly string[] SheetNames = ["Indicadores por unidad", "Impacto institucional", "Escalamientos", "Acuerdos", "Brigadas y hallazgos"];

    private readonly TableroFactory _factory;

    public QuarterlyReportTests(TableroFactory factory)
    {
        _factory = factory;
        Services.AddSingleton(factory.Services.GetRequiredService<ICommitteeStore>());
        Services.AddSingleton(factory.Services.GetRequiredService<QuarterlyReport>());
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly ClaimsPrincipalFactory Admin = new("admin.comites", Role.Administrator, ReadScope.All);

    /// <summary>The quarter under way in IMSS's zone, as the report and the page reckon it.</summary>
    private static ReportQuarter CurrentQuarter()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City");
        return ReportQuarter.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime));
    }

    private static string NewCaseId() => $"QT-{Guid.NewGuid():N}"[..20];

    private async Task PostAsync(params JsonObject[] events)
    {
        using var client = _factory.CreateClient(TableroFactory.IngestKey);
        using var response = await client.PostAsJsonAsync("/api/v1/events", new JsonArray(events), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// A region's quarter: five complaints at two of its units (two escalated, one resolved, one flagged with institutional
    /// impact), one case elsewhere, an overdue agreement of a session held on the quarter's first day, and a brigade with two
    /// findings. Returns the units and the flagged case.
    /// </summary>
    private async Task<(Unit A, Unit B, string Flagged)> SeedAsync(string region, string elsewhere)
    {
        var units = TableroFactory.Catalogue.Units.Where(u => u.RegionCode == region && u.Type == UnitType.Umf).Take(2).ToArray();
        var other = TableroFactory.Catalogue.Units.First(u => u.RegionCode == elsewhere && u.Type == UnitType.Umf);
        string a1 = NewCaseId(), a2 = NewCaseId(), a3 = NewCaseId(), b1 = NewCaseId(), b2 = NewCaseId();
        await PostAsync(
            EventJson.Opened(a1, units[0].Code, complex: true), EventJson.Opened(a2, units[0].Code), EventJson.Opened(a3, units[0].Code),
            EventJson.Opened(b1, units[1].Code, complex: true), EventJson.Opened(b2, units[1].Code), EventJson.Opened(NewCaseId(), other.Code),
            EventJson.Of("CaseEscalated", a1, new JsonObject { ["level"] = 1, ["reason"] = "Plazo vencido." }),
            EventJson.Of("CaseEscalated", b1, new JsonObject { ["level"] = 2, ["reason"] = "Sigue vencido." }),
            EventJson.Of("CaseResolved", a2, new JsonObject { ["resolution"] = "attended", ["summary"] = "Se atendió en ventanilla." }),
            EventJson.Of("CaseImpactFlagged", a1, new JsonObject { ["reason"] = "Nota en medios locales sobre el trato en urgencias." }));

        var quarter = CurrentQuarter();
        var sessions = _factory.Services.GetRequiredService<ICommitteeSessionStore>();
        var session = new CommitteeSession(Guid.NewGuid(), CommitteePlan.RegionCode(region), SessionKind.Extraordinary, quarter.FirstDay, "Sesión extraordinaria: mal trato en urgencias",
            SessionStatus.Planned, null, [], null, null, null, null);
        await sessions.PlanAsync([session], Ct);
        Assert.Null(await _factory.Services.GetRequiredService<CommitteeService>().ChangeSessionAsync(Admin.Principal, session.Id, SessionChange.Open, cancellationToken: Ct));
        Assert.Null(await _factory.Services.GetRequiredService<AgreementService>().AddAgreementAsync(Admin.Principal, session.Id,
            new AgreementDraft(AgreementType.Corrective, "Capacitar al personal de urgencias en el protocolo de Buen Trato.", AgreementOwnerKind.Unit, units[0].Code, quarter.FirstDay), Ct));

        var classification = ClassificationCatalogue.For(Institution.Imss);
        var (brigade, problem) = await _factory.Services.GetRequiredService<BrigadeService>().RecordAsync(Admin.Principal, units[1].Code,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(units[1].TimeZone)).DateTime),
            "Dra. Ana Ruiz\nLic. Pedro Soto", "Urgencias, Admisión",
            [new FindingDraft(ClassificationCatalogue.Mistreatment, classification.StaffRoles[0].Code, "Trato descortés al pedir el carnet."),
             new FindingDraft(ClassificationCatalogue.Mistreatment, null, "Sin señalización de la ventanilla de quejas.")], Ct);
        Assert.Null(problem);
        Assert.NotNull(brigade);
        return (units[0], units[1], a1);
    }

    [Fact]
    public async Task TheWorkbook_DownloadedWithTheSessionCookie_HasTheFiveSheets_AndTotalsThatMatchTheDatabase()
    {
        var (unitA, unitB, flagged) = await SeedAsync("IMSS-GTO", "IMSS-NL");
        var quarter = CurrentQuarter();
        var director = $"dir.gto.{Guid.NewGuid():N}"[..16];
        var (_, password) = await _factory.CreateUserAsync(director, Role.Director, ReadScope.ForRegion("IMSS-GTO"));
        using var client = _factory.CreateSessionClient(await _factory.SignInAsync(director, password));

        using var response = await client.GetAsync($"/api/v1/exports/committee-report.xlsx?committee=R-IMSS-GTO&year={quarter.Year}&quarter={quarter.Number}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(QuarterlyWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        await using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(SheetNames, MiniExcel.GetSheetNames(workbook));

        // What the database holds for the region: no other test of this class puts a case in Guanajuato (their "elsewhere" is Nuevo León).
        var (opened, open, escalated, agreements, findings) = await CountAsync("IMSS-GTO");
        Assert.Equal((5, 4, 2, 1, 2), (opened, open, escalated, agreements, findings));

        var units = Rows(workbook, "Indicadores por unidad");
        Assert.Equal(new[] { unitA.Name, unitB.Name }.Order(StringComparer.Ordinal), units.SkipLast(1).Select(r => (string)r["Unidad"]!).Order(StringComparer.Ordinal));
        Assert.Equal("Total", units[^1]["Unidad"]);
        var total = units.Single(r => (string)r["Unidad"]! == "Total");
        Assert.Equal(opened, Number(total["Casos registrados"]));
        Assert.Equal(opened, Number(total["Quejas"]));
        Assert.Equal(open, Number(total["Aún abiertos"]));
        Assert.Equal(escalated, Number(total["Escalados"]));
        Assert.Equal(1, Number(total["Resueltos o cerrados"]));
        Assert.Equal(3, Number(units.Single(r => (string)r["Unidad"]! == unitA.Name)["Casos registrados"]));
        Assert.Equal(Number(total["Casos registrados"]), units.Where(r => (string)r["Unidad"]! != "Total").Sum(r => Number(r["Casos registrados"])));

        var impact = Assert.Single(Rows(workbook, "Impacto institucional"));
        Assert.Equal(flagged, impact["Caso"]);
        Assert.Equal(unitA.Name, impact["Unidad"]);
        Assert.Equal(ClassificationCatalogue.For(Institution.Imss).FindCategory(ClassificationCatalogue.Mistreatment)!.Es, impact["Categoría"]);
        Assert.Contains("medios locales", (string)impact["Motivo"]!, StringComparison.Ordinal);

        var escalations = Rows(workbook, "Escalamientos");
        Assert.Equal(escalated, Number(escalations.Single(r => (string)r["Nivel"]! == "Total")["Casos"]));
        Assert.Contains(escalations, r => (string)r["Nivel"]! == "2 · Comité de la OOAD" && Number(r["Casos"]) == 1);

        var agreement = Assert.Single(Rows(workbook, "Acuerdos"));
        Assert.Equal(unitA.Name, agreement["Responsable"]);
        Assert.Equal("Pendiente", agreement["Estado"]);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(unitA.TimeZone)).DateTime);
        Assert.Equal(today > quarter.FirstDay ? "Sí" : null, agreement["Vencido"] as string is { Length: > 0 } s ? s : null);

        var brigade = Rows(workbook, "Brigadas y hallazgos");
        Assert.Equal(findings, brigade.Count);
        Assert.All(brigade, r => Assert.Equal(unitB.Name, r["Unidad"]));

        // Never the insured person's data, on any sheet.
        foreach (var sheet in SheetNames)
        {
            Assert.DoesNotContain(Rows(workbook, sheet).SelectMany(r => r.Values), v => v is string text && text.Contains("12345678903", StringComparison.Ordinal));
        }

        Assert.Contains(await AuditAsync(), e => e.Action == AuditAction.ExportMade && e.Detail!.Contains("committee-report.xlsx committee=R-IMSS-GTO", StringComparison.Ordinal));

        // Another OOAD's committee, or the central one, is not hers: not found, exactly as one that does not exist.
        foreach (var code in new[] { "R-IMSS-NL", "C-IMSS", "R-NO-EXISTE" })
        {
            using var outside = await client.GetAsync($"/api/v1/exports/committee-report.xlsx?committee={code}&year={quarter.Year}&quarter={quarter.Number}", Ct);
            Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
            Assert.Equal("application/problem+json", outside.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("year=2026&quarter=4", "committee")]
    [InlineData("committee=R-IMSS-GTO&quarter=4", "year")]
    [InlineData("committee=R-IMSS-GTO&year=2026&quarter=5", "quarter")]
    [InlineData("committee=R-IMSS-GTO&year=2026&quarter=0", "quarter")]
    [InlineData("committee=R-IMSS-GTO&year=dos-mil&quarter=1", "year")]
    [InlineData("committee=R-IMSS-GTO&year=1999&quarter=1", "year")]
    [InlineData("committee=R-IMSS-GTO&year=2026&quarter=%00", "quarter")]
    public async Task TheWorkbook_WithABadParameter_Is400NamingIt(string query, string parameter)
    {
        var user = $"sup.{Guid.NewGuid():N}"[..14];
        var (_, password) = await _factory.CreateUserAsync(user, Role.Supervisor, ReadScope.All);
        using var client = _factory.CreateSessionClient(await _factory.SignInAsync(user, password));

        using var response = await client.GetAsync($"/api/v1/exports/committee-report.xlsx?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal([parameter], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task ThePrintPage_ShowsTheQuartersTables_WithA4PrintSheetAndTheInstitutionsHeader_AndNoInsuredData()
    {
        var (unitA, unitB, flagged) = await SeedAsync("IMSS-JAL", "IMSS-NL");
        var quarter = CurrentQuarter();
        SignInAs(Role.Director, ReadScope.ForRegion("IMSS-JAL"));

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo(QuarterlyReportPage.PrintHref("R-IMSS-JAL", quarter));
        var cut = Render<QuarterlyReportPage>(p => p.Add(x => x.Code, "R-IMSS-JAL"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=quarterly-report]")));
        Assert.Equal("Instituto Mexicano del Seguro Social", cut.Find("[data-testid=report-institution]").TextContent.Trim());
        Assert.Contains($"{quarter.Number}.º trimestre de {quarter.Year}", cut.Find("[data-testid=report-heading]").TextContent, StringComparison.Ordinal);
        var total = cut.Find("[data-testid=report-units-total]").TextContent;
        Assert.Contains("Total", total, StringComparison.Ordinal);
        Assert.Equal(["Total", "5", "5", "5", "1", "4", "0", "2"], cut.FindAll("[data-testid=report-units-total] td").Select(td => td.TextContent.Trim()));
        Assert.Contains(unitA.Name, cut.Find("[data-testid=report-units]").TextContent, StringComparison.Ordinal);
        Assert.Contains(flagged, cut.Find("[data-testid=report-impact]").TextContent, StringComparison.Ordinal);
        Assert.Contains("2", cut.Find("[data-testid=report-escalations-total]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Capacitar al personal de urgencias", cut.Find("[data-testid=report-agreements]").TextContent, StringComparison.Ordinal);
        Assert.Contains(unitB.Name, cut.Find("[data-testid=report-brigades]").TextContent, StringComparison.Ordinal);
        Assert.Contains("/api/v1/exports/committee-report.xlsx?committee=R-IMSS-JAL", cut.Find("[data-testid=report-download]").GetAttribute("href"), StringComparison.Ordinal);
        cut.Find("[data-testid=report-print]").Click();
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "print");
        Assert.Contains("size: A4", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("counter(page)", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678903", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("*******8903", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", cut.Markup, StringComparison.Ordinal);

        // Another OOAD's committee reads as absent; a quarter that does not exist is explained.
        var elsewhere = Render<QuarterlyReportPage>(p => p.Add(x => x.Code, "R-IMSS-GTO"));
        elsewhere.WaitForAssertion(() => Assert.NotEmpty(elsewhere.FindAll("[data-testid=committee-missing]")));
        navigation.NavigateTo("/comites/informe/R-IMSS-JAL?anio=2026&trimestre=7");
        var badQuarter = Render<QuarterlyReportPage>(p => p.Add(x => x.Code, "R-IMSS-JAL"));
        badQuarter.WaitForAssertion(() => Assert.NotEmpty(badQuarter.FindAll("[data-testid=report-bad-quarter]")));
    }

    [Fact]
    public void TheWorkbook_OfAnEsSaludRed_SpeaksOfReclamosAndTheRed_InPeruvianSpanish_WhateverTheReadersLanguage()
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        var unit = TableroFactory.Catalogue.Units.First(u => u.Institution == Institution.EsSalud);
        var red = new Committee(CommitteePlan.RegionCode(unit.RegionCode), Institution.EsSalud, CommitteeKind.Region, unit.RegionCode, null, "Atención al Asegurado · Red", null);
        var figures = new UnitIndicators(unit.Code, 4, 3, 2, 1, 3, 1, 1);
        var report = new QuarterlyReportData(red, "Seguro Social de Salud", new ReportQuarter(2026, 4), new DateOnly(2026, 12, 4), [new ReportUnit(unit.Name, figures)], figures,
            [], [new EscalationOutcome(2, Dashboard.Core.Cases.CaseStatus.Assigned, 1)], [], []);
        using var workbook = new MemoryStream();

        QuarterlyWorkbook.Write(workbook, report, Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<CommitteesPage>>(),
            Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Dashboard.Web.Components.Shared.Vocabulary>>());

        Assert.Equal(SheetNames, MiniExcel.GetSheetNames(workbook));
        var units = Rows(workbook, "Indicadores por unidad");
        Assert.Equal(3, Number(units[^1]["Reclamos"]));
        Assert.Equal("Total", units[^1]["Unidad"]);
        var escalation = Rows(workbook, "Escalamientos")[0];
        Assert.Equal("2 · Atención al Asegurado de la Red", escalation["Nivel"]);
        Assert.Equal("en", System.Globalization.CultureInfo.CurrentUICulture.Name);
    }

    private static List<IDictionary<string, object?>> Rows(MemoryStream workbook, string sheet)
    {
        workbook.Position = 0;
        return [.. MiniExcel.Query(workbook, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];
    }

    private static int Number(object? cell) => Convert.ToInt32(cell, System.Globalization.CultureInfo.InvariantCulture);

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() => _factory.Services.GetRequiredService<IAuditStore>().ListAsync(null, null, 500, Ct);

    /// <summary>The region's cases (all, open, escalated), agreements and brigade findings, counted in the database itself.</summary>
    private async Task<(int Opened, int Open, int Escalated, int Agreements, int Findings)> CountAsync(string region)
    {
        await using var connection = new SqliteConnection($"Data Source={_factory.DatabaseFile};Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        async Task<int> ScalarAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("@Region", region);
            return Convert.ToInt32(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (await ScalarAsync("SELECT COUNT(*) FROM cases WHERE region_code = @Region"),
            await ScalarAsync("SELECT COUNT(*) FROM cases WHERE region_code = @Region AND is_open = 1"),
            await ScalarAsync("SELECT COUNT(*) FROM cases WHERE region_code = @Region AND escalation_level > 0"),
            await ScalarAsync("SELECT COUNT(*) FROM agreements WHERE region_code = @Region"),
            await ScalarAsync("SELECT COUNT(*) FROM brigade_findings f JOIN brigades b ON b.id = f.brigade_id WHERE b.region_code = @Region"));
    }

    /// <summary>A signed-in person for the services, as the pages hand them the viewer.</summary>
    private sealed class ClaimsPrincipalFactory(string name, Role role, ReadScope scope)
    {
        public System.Security.Claims.ClaimsPrincipal Principal { get; } =
            new(TableroClaims.Identity("Test", name, role.ToString(), scope, RolePermissions.Of(role), CredentialKind.User, Guid.NewGuid().ToString(), 1));
    }
}
