using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Catalogue;

namespace Dashboard.Web.Tests.Api;

/// <summary>
/// <c>/api/v1/indicators/attention-volumes</c>: monthly volumes stored all or nothing from the import CSV by an
/// administrator, read within the key's scope; and the complaint chart turning into a rate per 10,000 attentions where
/// every unit has its volumes, counts otherwise saying why. Past months are for the chart; other tests use 2031.
/// </summary>
public sealed class AttentionVolumesApiTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Unit Jalisco = TableroFactory.JaliscoUnit;

    private static readonly Unit[] NuevoLeon = [.. TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-NL")];

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static StringContent Csv(string rows) => new("unidad,mes,atenciones\n" + rows, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task Import_CsvWithBadRows_400ProblemNamingEachRowAndNothingStored()
    {
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        var rows = $"{Jalisco.Code},2031-01,41200\n{NuevoLeon[0].Code},2031-13,100\n{NuevoLeon[0].Code},2031-01,-5\n";

        using var bad = Csv(rows);
        var response = await admin.PostAsync("/api/v1/indicators/attention-volumes", bad, Ct);

        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["line 3: mes", "line 4: atenciones"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, (await JsonAsync(await admin.GetAsync("/api/v1/indicators/attention-volumes?from=2031-01&to=2031-12", Ct))).GetArrayLength());

        using var good = Csv($"{Jalisco.Code},2031-01,41200\n{NuevoLeon[0].Code},2031-01,100\n");
        Assert.Equal(2, (await JsonAsync(await admin.PostAsync("/api/v1/indicators/attention-volumes", good, Ct))).GetProperty("stored").GetInt32());
        // A month loaded again replaces it.
        using var again = Csv($"{Jalisco.Code},2031-01,41950\n");
        await JsonAsync(await admin.PostAsync("/api/v1/indicators/attention-volumes", again, Ct));

        using var jalisco = factory.CreateClient(TableroFactory.JaliscoKey);
        var own = await JsonAsync(await jalisco.GetAsync("/api/v1/indicators/attention-volumes?from=2031-01&to=2031-01", Ct));
        var only = Assert.Single(own.EnumerateArray());
        Assert.Equal((Jalisco.Code, "2031-01", 41_950, Jalisco.Name), (only.GetProperty("unitCode").GetString(), only.GetProperty("month").GetString(),
            only.GetProperty("attentions").GetInt32(), only.GetProperty("unitName").GetString()));
    }

    [Fact]
    public async Task Import_NotAnAdministratorOrNotCsv_RefusedAsProblems()
    {
        using var reader = factory.CreateClient(TableroFactory.ReadKey);
        using var csv = Csv($"{Jalisco.Code},2031-02,100\n");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/v1/indicators/attention-volumes", csv, Ct)).StatusCode);

        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        using var json = new StringContent("[]", Encoding.UTF8, "application/json");
        var response = await admin.PostAsync("/api/v1/indicators/attention-volumes", json, Ct);
        await JsonAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("from=2031-13", "from")]
    [InlineData("to=mayo", "to")]
    [InlineData("from=2031-05&to=2031-01", "to")]
    public async Task Read_BadMonth_400NamingTheParameter(string query, string parameter)
    {
        using var reader = factory.CreateClient(TableroFactory.ReadKey);

        var problem = await JsonAsync(await reader.GetAsync($"/api/v1/indicators/attention-volumes?{query}", Ct), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Complaints_AUnitWithItsVolumes_RateAndARegionLackingSome_CountsSayingWhich()
    {
        // Three years of months up to this one for the first unit of Nuevo León: its chart's 24 months are all covered.
        var month = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
        var rows = string.Concat(Enumerable.Range(0, 36).Select(i => $"{NuevoLeon[0].Code},{month.AddMonths(-i).ToString("yyyy-MM", CultureInfo.InvariantCulture)},5000\n"));
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        using var csv = Csv(rows);
        await JsonAsync(await admin.PostAsync("/api/v1/indicators/attention-volumes", csv, Ct));
        using var reader = factory.CreateClient(TableroFactory.ReadKey);

        var unit = await JsonAsync(await reader.GetAsync($"/api/v1/indicators/complaints?unit={NuevoLeon[0].Code}", Ct));
        var counted = await JsonAsync(await reader.GetAsync($"/api/v1/indicators/complaints?unit={NuevoLeon[0].Code}&measure=count", Ct));
        var region = await JsonAsync(await reader.GetAsync("/api/v1/indicators/complaints?region=IMSS-NL", Ct));

        Assert.Equal("rate", unit.GetProperty("measure").GetString());
        Assert.Equal(JsonValueKind.Null, unit.GetProperty("countReason").ValueKind);
        Assert.Equal(5000, unit.GetProperty("points")[23].GetProperty("attentions").GetInt64());
        Assert.Equal(("count", "chosen"), (counted.GetProperty("measure").GetString(), counted.GetProperty("countReason").GetString()));
        Assert.Equal(("count", "missingVolumes"), (region.GetProperty("measure").GetString(), region.GetProperty("countReason").GetString()));
        Assert.Equal(NuevoLeon.Length - 1, region.GetProperty("missingVolumes").GetProperty("units").GetInt32());
    }

    [Fact]
    public async Task Complaints_BadMeasure_400NamingIt()
    {
        using var reader = factory.CreateClient(TableroFactory.ReadKey);

        var problem = await JsonAsync(await reader.GetAsync("/api/v1/indicators/complaints?measure=tasa", Ct), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("measure", out _));
    }
}
