using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Api;

/// <summary>
/// The read side of the API: units, the case list, the summary. The tests of this class share one database, so each
/// one that counts or lists cases writes to units no other test here touches.
/// </summary>
public sealed class ReadApiTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Unit[] JaliscoUmfs = TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-JAL" && u.Type == UnitType.Umf).ToArray();

    private static readonly Unit[] NuevoLeonUmfs = TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-NL" && u.Type == UnitType.Umf).ToArray();

    private static string NewCaseId() => $"QJ-{Guid.NewGuid():N}"[..20];

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    private static JsonObject OpenedAt(string caseId, string unitCode, int minutesAgo, bool complex = false)
    {
        var opened = EventJson.Opened(caseId, unitCode, complex);
        opened["occurredAt"] = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        return opened;
    }

    private static JsonObject Resolved(string caseId) =>
        EventJson.Of("CaseResolved", caseId, new JsonObject { ["resolution"] = "attended", ["summary"] = "Se atendió en ventanilla." });

    private async Task PostAsync(params JsonObject[] events)
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var response = await client.PostAsJsonAsync("/api/v1/events", new JsonArray(events), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string[] CaseIds(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()!).ToArray();

    [Fact]
    public async Task Units_ListsTheCatalogueWithItsFields()
    {
        using var client = factory.CreateClient(TableroFactory.ReadKey);

        var units = await ReadJsonAsync(await client.GetAsync("/api/v1/units", Ct));

        Assert.Equal(TableroFactory.Catalogue.Units.Count, units.GetArrayLength());
        var expected = TableroFactory.JaliscoUnit;
        var unit = units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == expected.Code);
        Assert.Equal(expected.Name, unit.GetProperty("name").GetString());
        Assert.Equal("Umf", unit.GetProperty("type").GetString());
        Assert.Equal("IMSS-JAL", unit.GetProperty("regionCode").GetString());
        Assert.Equal("Imss", unit.GetProperty("institution").GetString());
        Assert.Equal(expected.TimeZone, unit.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Units_Filters_NarrowByRegionInstitutionAndType()
    {
        using var client = factory.CreateClient(TableroFactory.ReadKey);

        var jaliscoUmfs = await ReadJsonAsync(await client.GetAsync("/api/v1/units?region=IMSS-JAL&type=Umf", Ct));
        var esSalud = await ReadJsonAsync(await client.GetAsync("/api/v1/units?institution=EsSalud", Ct));

        Assert.Equal(JaliscoUmfs.Select(u => u.Code).Order(StringComparer.Ordinal), jaliscoUmfs.EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        Assert.Equal(TableroFactory.Catalogue.Units.Count(u => u.Institution == Institution.EsSalud), esSalud.GetArrayLength());
        Assert.All(esSalud.EnumerateArray(), u => Assert.Equal("EsSalud", u.GetProperty("institution").GetString()));
    }

    [Fact]
    public async Task Units_JaliscoKey_SeesOnlyJaliscoUnits()
    {
        using var client = factory.CreateClient(TableroFactory.JaliscoKey);

        var units = await ReadJsonAsync(await client.GetAsync("/api/v1/units", Ct));
        var askingForNuevoLeon = await ReadJsonAsync(await client.GetAsync("/api/v1/units?region=IMSS-NL", Ct));

        Assert.Equal(TableroFactory.Catalogue.Units.Count(u => u.RegionCode == "IMSS-JAL"), units.GetArrayLength());
        Assert.All(units.EnumerateArray(), u => Assert.Equal("IMSS-JAL", u.GetProperty("regionCode").GetString()));
        Assert.Equal(0, askingForNuevoLeon.GetArrayLength());
    }

    [Fact]
    public async Task Units_UnknownEnumValues_Are400KeyedByParameter()
    {
        using var client = factory.CreateClient(TableroFactory.ReadKey);

        var response = await client.GetAsync("/api/v1/units?institution=IMSSS&type=Clinica", Ct);

        var errors = (await AssertProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("EsSalud", errors.GetProperty("institution")[0].GetString());
        Assert.Contains("Umf", errors.GetProperty("type")[0].GetString());
    }

    [Fact]
    public async Task Cases_List_PagesNewestFirstWithTheTotal()
    {
        var unit = JaliscoUmfs[1].Code;
        string[] ids = [NewCaseId(), NewCaseId(), NewCaseId()];
        await PostAsync(OpenedAt(ids[0], unit, minutesAgo: 30), OpenedAt(ids[1], unit, minutesAgo: 10), OpenedAt(ids[2], unit, minutesAgo: 20));
        using var client = factory.CreateClient(TableroFactory.ReadKey);

        var first = await ReadJsonAsync(await client.GetAsync($"/api/v1/cases?unit={unit}&pageSize=2", Ct));
        var second = await ReadJsonAsync(await client.GetAsync($"/api/v1/cases?unit={unit}&pageSize=2&page=2", Ct));
        var defaults = await ReadJsonAsync(await client.GetAsync($"/api/v1/cases?unit={unit}", Ct));

        Assert.Equal([ids[1], ids[2]], CaseIds(first));
        Assert.Equal([ids[0]], CaseIds(second));
        Assert.Equal((1, 2, 3), (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32(), first.GetProperty("total").GetInt32()));
        Assert.Equal((2, 3), (second.GetProperty("page").GetInt32(), second.GetProperty("total").GetInt32()));
        Assert.Equal((1, 50), (defaults.GetProperty("page").GetInt32(), defaults.GetProperty("pageSize").GetInt32()));
        var item = first.GetProperty("items")[0];
        Assert.Equal(unit, item.GetProperty("unitCode").GetString());
        Assert.Equal("New", item.GetProperty("status").GetString());
        Assert.False(item.TryGetProperty("events", out _));
    }

    [Fact]
    public async Task Cases_List_FiltersByStatusAndComplex()
    {
        var unit = JaliscoUmfs[2].Code;
        string openComplex = NewCaseId(), openSimple = NewCaseId(), resolved = NewCaseId();
        await PostAsync(OpenedAt(openComplex, unit, minutesAgo: 3, complex: true), OpenedAt(openSimple, unit, minutesAgo: 2), OpenedAt(resolved, unit, minutesAgo: 1, complex: true),
            Resolved(resolved));
        using var client = factory.CreateClient(TableroFactory.ReadKey);

        var complexOpen = await ReadJsonAsync(await client.GetAsync($"/api/v1/cases?unit={unit}&status=open&complex=true", Ct));
        var closed = await ReadJsonAsync(await client.GetAsync($"/api/v1/cases?unit={unit}&status=closed", Ct));
        var notComplex = await ReadJsonAsync(await client.GetAsync($"/api/v1/cases?unit={unit}&complex=false", Ct));
        var open = await ReadJsonAsync(await client.GetAsync($"/api/v1/cases?unit={unit}&status=open", Ct));

        Assert.Equal([openComplex], CaseIds(complexOpen));
        Assert.Equal([resolved], CaseIds(closed));
        Assert.Equal("Resolved", closed.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Equal([openSimple], CaseIds(notComplex));
        Assert.Equal([openSimple, openComplex], CaseIds(open));
        Assert.Equal(2, open.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Cases_List_FiltersByStaffRole()
    {
        var unit = JaliscoUmfs[5].Code;
        string assistant = NewCaseId(), pharmacy = NewCaseId(), unspecified = NewCaseId();
        JsonObject About(JsonObject opened, string role)
        {
            opened["data"]!["staffRole"] = role;
            return opened;
        }

        await PostAsync(About(OpenedAt(assistant, unit, minutesAgo: 3), "medical-assistant"), About(OpenedAt(pharmacy, unit, minutesAgo: 2), "pharmacy"),
            OpenedAt(unspecified, unit, minutesAgo: 1));
        using var client = factory.CreateClient(TableroFactory.ReadKey);

        var assistants = await ReadJsonAsync(await client.GetAsync($"/api/v1/cases?unit={unit}&staffRole=medical-assistant", Ct));
        var pharmacyOpen = await ReadJsonAsync(await client.GetAsync($"/api/v1/cases?unit={unit}&staffRole=pharmacy&status=open", Ct));
        var security = await ReadJsonAsync(await client.GetAsync($"/api/v1/cases?unit={unit}&staffRole=security", Ct));
        var any = await ReadJsonAsync(await client.GetAsync($"/api/v1/cases?unit={unit}&staffRole=", Ct));

        Assert.Equal([assistant], CaseIds(assistants));
        Assert.Equal("medical-assistant", assistants.GetProperty("items")[0].GetProperty("staffRole").GetString());
        Assert.Equal([pharmacy], CaseIds(pharmacyOpen));
        Assert.Empty(CaseIds(security));
        Assert.Equal([unspecified, pharmacy, assistant], CaseIds(any));
    }

    [Theory]
    [InlineData("asistente-medica")]
    [InlineData("Pharmacy")]
    [InlineData("mistreatment")]
    public async Task Cases_UnknownStaffRole_Is400ProblemNamingStaffRole(string role)
    {
        using var client = factory.CreateClient(TableroFactory.ReadKey);

        var response = await client.GetAsync($"/api/v1/cases?staffRole={Uri.EscapeDataString(role)}", Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["staffRole"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains("medical-assistant", problem.GetProperty("errors").GetProperty("staffRole")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cases_InsuredId_IsAlwaysMasked()
    {
        var unit = JaliscoUmfs[3].Code;
        var caseId = NewCaseId();
        await PostAsync(EventJson.Opened(caseId, unit));
        using var client = factory.CreateClient(TableroFactory.ReadKey);

        var one = await client.GetAsync($"/api/v1/cases/{caseId}", Ct);
        var list = await client.GetAsync($"/api/v1/cases?unit={unit}", Ct);

        Assert.Equal("*******8903", (await ReadJsonAsync(one)).GetProperty("insuredId").GetString());
        Assert.Equal("*******8903", (await ReadJsonAsync(list)).GetProperty("items")[0].GetProperty("insuredId").GetString());
        Assert.DoesNotContain("12345678903", await one.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("12345678903", await list.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cases_JaliscoKey_SeesNoNuevoLeonCases()
    {
        string jalisco = NewCaseId(), nuevoLeon = NewCaseId();
        await PostAsync(EventJson.Opened(jalisco, JaliscoUmfs[4].Code), EventJson.Opened(nuevoLeon, NuevoLeonUmfs[1].Code));
        using var client = factory.CreateClient(TableroFactory.JaliscoKey);

        var all = await ReadJsonAsync(await client.GetAsync("/api/v1/cases?pageSize=200", Ct));
        var askingForRegion = await ReadJsonAsync(await client.GetAsync("/api/v1/cases?region=IMSS-NL", Ct));
        var askingForUnit = await ReadJsonAsync(await client.GetAsync($"/api/v1/cases?unit={NuevoLeonUmfs[1].Code}", Ct));

        Assert.Contains(jalisco, CaseIds(all));
        Assert.DoesNotContain(nuevoLeon, CaseIds(all));
        Assert.All(all.GetProperty("items").EnumerateArray(), c => Assert.Equal("IMSS-JAL", c.GetProperty("regionCode").GetString()));
        Assert.Equal((0, 0), (askingForRegion.GetProperty("items").GetArrayLength(), askingForRegion.GetProperty("total").GetInt32()));
        Assert.Equal((0, 0), (askingForUnit.GetProperty("items").GetArrayLength(), askingForUnit.GetProperty("total").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{nuevoLeon}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("status=pending", "status")]
    [InlineData("complex=maybe", "complex")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task Cases_BadQuery_Is400KeyedByParameter(string query, string parameter)
    {
        using var client = factory.CreateClient(TableroFactory.ReadKey);

        var response = await client.GetAsync($"/api/v1/cases?{query}", Ct);

        var errors = (await AssertProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Summary_CountsByStatusAndEscalationWithinScope()
    {
        var unit = NuevoLeonUmfs[2].Code;
        string escalated = NewCaseId(), simple = NewCaseId(), resolved = NewCaseId();
        await PostAsync(EventJson.Opened(escalated, unit, complex: true), EventJson.Opened(simple, unit), EventJson.Opened(resolved, unit, complex: true),
            EventJson.Of("CaseEscalated", escalated, new JsonObject { ["level"] = 1, ["reason"] = "Plazo vencido." }), Resolved(resolved));
        using var reader = factory.CreateClient(TableroFactory.ReadKey);
        using var jalisco = factory.CreateClient(TableroFactory.JaliscoKey);

        var summary = await ReadJsonAsync(await reader.GetAsync($"/api/v1/summary?unit={unit}", Ct));
        var jaliscoAskingForUnit = await ReadJsonAsync(await jalisco.GetAsync($"/api/v1/summary?unit={unit}", Ct));
        var jaliscoAskingForRegion = await ReadJsonAsync(await jalisco.GetAsync("/api/v1/summary?region=IMSS-NL", Ct));

        Assert.Equal((2, 1), (summary.GetProperty("open").GetInt32(), summary.GetProperty("openComplex").GetInt32()));
        var byStatus = summary.GetProperty("byStatus").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["New"] = 2, ["Assigned"] = 0, ["Paused"] = 0, ["Resolved"] = 1, ["Closed"] = 0 }, byStatus);
        var byLevel = summary.GetProperty("byEscalationLevel").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["0"] = 1, ["1"] = 1, ["2"] = 0, ["3"] = 0 }, byLevel);
        foreach (var outside in new[] { jaliscoAskingForUnit, jaliscoAskingForRegion })
        {
            Assert.Equal(0, outside.GetProperty("open").GetInt32());
            Assert.All(outside.GetProperty("byStatus").EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));
        }
    }

    [Theory]
    [InlineData("/api/v1/units")]
    [InlineData("/api/v1/cases")]
    [InlineData("/api/v1/summary")]
    public async Task Reads_WithoutKey_Are401Problem(string url)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(url, Ct);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetClassification_ListsEachInstitutionsCategoriesAndStaffRoles()
    {
        using var client = factory.CreateClient(TableroFactory.ReadKey);

        var body = JsonDocument.Parse(await client.GetStringAsync("/api/v1/classification?institution=EsSalud", TestContext.Current.CancellationToken)).RootElement;

        var essalud = Assert.Single(body.EnumerateArray());
        Assert.Equal("EsSalud", essalud.GetProperty("institution").GetString());
        var codes = essalud.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToArray();
        Assert.Contains("referral", codes);
        Assert.DoesNotContain("disability-certificate", codes);
        Assert.Contains(essalud.GetProperty("staffRoles").EnumerateArray(), r => r.GetProperty("code").GetString() == "pharmacy");
    }

    [Fact]
    public async Task Export_ACaseIdASpreadsheetWouldRunAsAFormula_IsWrittenAsText()
    {
        var unit = TableroFactory.Catalogue.Units.First(u => u.RegionCode == "IMSS-JAL" && u.Type == UnitType.Hgz);
        var caseId = $"-A1-{Guid.NewGuid():N}"[..20];
        using (var ingest = factory.CreateClient(TableroFactory.IngestKey))
        {
            (await ingest.PostAsJsonAsync("/api/v1/events", EventJson.Opened(caseId, unit.Code), Ct)).EnsureSuccessStatusCode();
        }

        var key = (await factory.Services.GetRequiredService<Dashboard.Web.Security.AccessAdministration>().CreateApiKeyAsync(
            Dashboard.Web.Security.AccessAdministration.SystemActor("tests"), $"informes-{Guid.NewGuid():N}"[..20],
            [Core.Access.Permission.Read, Core.Access.Permission.Export], Core.Storage.ReadScope.All, Ct)).Value!;
        using var client = factory.CreateClient(key);

        var csv = await client.GetStringAsync($"/api/v1/exports/cases.csv?unit={unit.Code}", Ct);

        Assert.Contains($"\"'{caseId}\",", csv, StringComparison.Ordinal);
        Assert.DoesNotContain($"\n{caseId},", csv, StringComparison.Ordinal);
    }
}
