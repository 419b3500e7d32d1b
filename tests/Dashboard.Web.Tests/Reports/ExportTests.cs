using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Access;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Dashboard.Web.Tests.Reports;

/// <summary>
/// The downloads: every case of a filter and period streamed as CSV or Excel without a cap, the overview's tables in
/// the page's words, a bad filter refused by name, every download audited.
/// </summary>
public sealed class ExportTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeZoneInfo Mexico = TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Mexico).DateTime);

    /// <summary>A unit of its own per test, so the shared host's other cases never change what a test counts.</summary>
    private static Unit UnitAt(int index) => TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-GTO" && u.Type == UnitType.Umf).ElementAt(index);

    private async Task<HttpClient> ExporterAsync()
    {
        var key = (await factory.Services.GetRequiredService<AccessAdministration>().CreateApiKeyAsync(AccessAdministration.SystemActor("tests"),
            $"informes-{Guid.NewGuid():N}"[..20], [Permission.Read, Permission.Export], ReadScope.All, Ct)).Value!;
        return factory.CreateClient(key);
    }

    private async Task OpenAsync(string caseId, Unit unit, int daysAgo, string category = "mistreatment")
    {
        using var ingest = factory.CreateClient(TableroFactory.IngestKey);
        var opened = EventJson.Opened(caseId, unit.Code);
        opened["occurredAt"] = DateTimeOffset.UtcNow.AddDays(-daysAgo).AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        opened["data"]!["category"] = category;
        (await ingest.PostAsJsonAsync("/api/v1/events", opened, Ct)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task CasesCsvAndWorkbook_WithAPeriod_HoldEveryCaseOpenedInItAndNoOther_WithoutPersonalData()
    {
        var unit = UnitAt(0);
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await OpenAsync($"QJ-{tag}-ANTES", unit, daysAgo: 40);
        await OpenAsync($"QJ-{tag}-DENTRO", unit, daysAgo: 10);
        await OpenAsync($"QJ-{tag}-HOY", unit, daysAgo: 0);
        using var client = await ExporterAsync();
        var period = $"unit={unit.Code}&from={Today.AddDays(-20):yyyy-MM-dd}&to={Today:yyyy-MM-dd}";

        var csv = await client.GetAsync($"/api/v1/exports/cases.csv?{period}", Ct);
        var text = await csv.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"casos-{unit.Code}-{Today.AddDays(-20):yyyy-MM-dd}-{Today:yyyy-MM-dd}.csv", csv.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Contains($"QJ-{tag}-DENTRO,", text, StringComparison.Ordinal);
        Assert.Contains($"QJ-{tag}-HOY,", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"QJ-{tag}-ANTES", text, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678903", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ventanilla", text, StringComparison.Ordinal);

        await using var workbook = await client.GetStreamAsync($"/api/v1/exports/cases.xlsx?{period}", Ct);
        var copy = new MemoryStream();
        await workbook.CopyToAsync(copy, Ct);
        var rows = MiniExcel.Query(copy, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToArray();
        Assert.Equal([$"QJ-{tag}-DENTRO", $"QJ-{tag}-HOY"], rows.Select(r => r["caseId"]?.ToString()));
        Assert.All(rows, r => Assert.Equal(unit.Code, r["unitCode"]?.ToString()));
    }

    [Fact]
    public async Task AnExportFilterValueNotUnderstood_IsA400NamingIt_NotADifferentFile()
    {
        using var client = await ExporterAsync();

        async Task<string[]> ErrorsAsync(string url)
        {
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
        }

        Assert.Equal(["from"], await ErrorsAsync("/api/v1/exports/cases.csv?from=2026-13-01"));
        Assert.Equal(["to"], await ErrorsAsync("/api/v1/exports/cases.xlsx?from=2026-11-10&to=2026-11-01"));
        Assert.Equal(["kind"], await ErrorsAsync("/api/v1/exports/overview.xlsx?kind=Queja"));
        Assert.Equal(["table"], await ErrorsAsync("/api/v1/exports/overview.csv?table=personas"));
        Assert.Equal(["status"], await ErrorsAsync("/api/v1/exports/cases.csv?status=abiertos"));
    }

    [Fact]
    public async Task OverviewWorkbook_HasThePagesTablesInItsWords_ForTheFilter_AndIsAudited()
    {
        var unit = UnitAt(1);
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await OpenAsync($"QJ-{tag}-1", unit, daysAgo: 2);
        await OpenAsync($"QJ-{tag}-2", unit, daysAgo: 1, category: "waiting-time");
        await OpenAsync($"QJ-{tag}-3", unit, daysAgo: 1);
        using var client = await ExporterAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX");

        var response = await client.GetAsync($"/api/v1/exports/overview.xlsx?unit={unit.Code}", Ct);
        var copy = new MemoryStream();
        await (await response.Content.ReadAsStreamAsync(Ct)).CopyToAsync(copy, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Resumen", "Por día", "Por categoría"], MiniExcel.GetSheetNames(copy));
        var figures = MiniExcel.Query(copy, useHeaderRow: true, sheetName: "Resumen").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => r["Indicador"]!.ToString()!, r => r["Valor"]);
        Assert.Equal(3d, Convert.ToDouble(figures["Abiertos"], CultureInfo.InvariantCulture));
        var days = MiniExcel.Query(copy, useHeaderRow: true, sheetName: "Por día").Cast<IDictionary<string, object?>>().ToArray();
        Assert.Equal(30, days.Length);
        Assert.Equal(3d, days.Sum(d => Convert.ToDouble(d["Recibidos"], CultureInfo.InvariantCulture)));
        var categories = MiniExcel.Query(copy, useHeaderRow: true, sheetName: "Por categoría").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => r["Categoría"]!.ToString()!, r => Convert.ToDouble(r["Casos"], CultureInfo.InvariantCulture));
        Assert.Equal(2d, categories.Single(c => c.Key.StartsWith("Mal trato", StringComparison.Ordinal)).Value);
        Assert.DoesNotContain(categories.Keys, k => k.Contains('-', StringComparison.Ordinal) && !k.Contains(' ', StringComparison.Ordinal));

        // With its byte-order mark, so Excel opens the accents right.
        var csv = await client.GetByteArrayAsync($"/api/v1/exports/overview.csv?unit={unit.Code}&table=categories", Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.StartsWith("Categoría,Casos,Siguen abiertos\r\nMal trato,2,2", System.Text.Encoding.UTF8.GetString(csv[3..]), StringComparison.Ordinal);

        var audit = await factory.Services.GetRequiredService<IAuditStore>().ListAsync(null, null, 500, Ct);
        Assert.Contains(audit, a => a.Action == AuditAction.ExportMade && a.Outcome == AuditOutcome.Success
            && a.Detail!.StartsWith($"resumen-{unit.Code}-", StringComparison.Ordinal) && a.Detail.Contains(".xlsx", StringComparison.Ordinal)
            && a.Detail.Contains("Por día 30", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComplaintIndicatorsWorkbook_HasTheChartsPeriodsAsTheJsonReadDoes_AndTheUnitsSheet()
    {
        var unit = UnitAt(2);
        await OpenAsync($"QJ-{Guid.NewGuid():N}"[..16], unit, daysAgo: 40);
        using var client = await ExporterAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX");
        var query = $"period=Month&category=mistreatment&region={unit.RegionCode}&measure=Count";

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/indicators/complaints?{query}", Ct));
        var points = json.RootElement.GetProperty("points").EnumerateArray().ToArray();
        var response = await client.GetAsync($"/api/v1/exports/complaint-indicators.xlsx?{query}", Ct);
        var copy = new MemoryStream();
        await (await response.Content.ReadAsStreamAsync(Ct)).CopyToAsync(copy, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Por periodo", "Unidades con deterioro"], MiniExcel.GetSheetNames(copy));
        var rows = MiniExcel.Query(copy, useHeaderRow: true, sheetName: "Por periodo").Cast<IDictionary<string, object?>>().ToArray();
        Assert.Equal(points.Length, rows.Length);
        Assert.Equal(points.Select(p => p.GetProperty("complaints").GetInt32()), rows.Select(r => (int)Convert.ToDouble(r["Quejas"], CultureInfo.InvariantCulture)));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r["Lectura"]?.ToString())));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/exports/complaint-indicators.csv?period=Mes", Ct)).StatusCode);
    }

    [Fact]
    public async Task RecognitionWorkbook_CountsThePraisedPersonForThePeriod_AndABadPeriodIsNamed()
    {
        var unit = TableroFactory.Catalogue.Units.First(u => u.RegionCode == "IMSS-SLP" && TableroFactory.Catalogue.Agents.Any(a => a.UnitCode == u.Code));
        var agent = TableroFactory.Catalogue.Agents.First(a => a.UnitCode == unit.Code);
        var role = Dashboard.Core.Catalogue.Classification.ClassificationCatalogue.For(unit.Institution).StaffRoles[0].Code;
        using (var ingest = factory.CreateClient(TableroFactory.IngestKey))
        {
            JsonObject Compliment(JsonNode? praised)
            {
                var e = EventJson.Opened($"FE-{Guid.NewGuid():N}"[..16], unit.Code);
                e["data"]!["kind"] = "Compliment";
                e["data"]!["category"] = "information";
                if (praised is not null)
                {
                    e["data"]!["praisedStaff"] = praised;
                }

                return e;
            }

            foreach (var e in new[]
            {
                Compliment(new JsonObject { ["agentId"] = agent.Id }), Compliment(new JsonObject { ["agentId"] = agent.Id }),
                Compliment(new JsonObject { ["name"] = "Dra. Rosa Elena Martínez", ["role"] = role }), Compliment(null),
            })
            {
                (await ingest.PostAsJsonAsync("/api/v1/events", e, Ct)).EnsureSuccessStatusCode();
            }
        }

        using var client = await ExporterAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX");
        var response = await client.GetAsync("/api/v1/exports/recognition.xlsx?periodo=7d", Ct);
        var copy = new MemoryStream();
        await (await response.Content.ReadAsStreamAsync(Ct)).CopyToAsync(copy, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheets = MiniExcel.GetSheetNames(copy);
        Assert.Equal(3, sheets.Count);
        var people = MiniExcel.Query(copy, useHeaderRow: true, sheetName: sheets[0]).Cast<IDictionary<string, object?>>().ToArray();
        Assert.Equal(2d, Convert.ToDouble(people.Single(p => (string?)p["Persona"] == agent.Name)["Felicitaciones"], CultureInfo.InvariantCulture));
        Assert.Equal(1d, Convert.ToDouble(people.Single(p => (string?)p["Persona"] == "Dra. Rosa Elena Martínez")["Felicitaciones"], CultureInfo.InvariantCulture));
        var units = MiniExcel.Query(copy, useHeaderRow: true, sheetName: sheets[1]).Cast<IDictionary<string, object?>>().ToArray();
        var row = units.Single(u => (string?)u["Unidad"] == unit.Name);
        Assert.Equal(4d, Convert.ToDouble(row["Felicitaciones"], CultureInfo.InvariantCulture));
        Assert.Equal(1d, Convert.ToDouble(row["Sin persona identificada"], CultureInfo.InvariantCulture));

        var bad = await client.GetAsync("/api/v1/exports/recognition.csv?desde=2026-02-30&hasta=2026-03-10", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["desde"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }
}
