using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Catalogue;

namespace Dashboard.Web.Tests.Api;

/// <summary>
/// <c>GET /api/v1/indicators/complaints</c>: the series with its XmR values, scoped by the key, and bad input answered as a
/// problem naming the parameter. The tests write to units no other test class of the shared database counts.
/// </summary>
public sealed class IndicatorsApiTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Not the first UMF of either region (other classes write there): the third of Nuevo León, the fourth of Jalisco.
    private static readonly Unit NuevoLeon = TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-NL" && u.Type == UnitType.Umf).ElementAt(2);

    private static readonly Unit Jalisco = TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-JAL" && u.Type == UnitType.Umf).ElementAt(3);

    /// <summary>Mid-month of the month before last on the unit's clock: always inside the chart's last whole month or the one before.</summary>
    private static JsonObject ComplaintLastMonth(Unit unit, string category = "mistreatment")
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone);
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var at = new DateTimeOffset(local.Year, local.Month, 15, 12, 0, 0, local.Offset).AddMonths(-1);
        var opened = EventJson.Opened($"QJ-{Guid.NewGuid():N}"[..20], unit.Code);
        opened["occurredAt"] = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        opened["data"]!["category"] = category;
        return opened;
    }

    /// <summary>A complaint long before the charts' range: the records begin then, so the months since without any are real zeros.</summary>
    private static JsonObject RecordsBegin(Unit unit)
    {
        var opened = EventJson.Opened($"QJ-{Guid.NewGuid():N}"[..20], unit.Code);
        opened["occurredAt"] = DateTimeOffset.UtcNow.AddMonths(-30).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        return opened;
    }

    private async Task PostAsync(params JsonObject[] events)
    {
        using var client = factory.CreateClient(TableroFactory.IngestKey);
        var response = await client.PostAsJsonAsync("/api/v1/events", new JsonArray(events), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    [Fact]
    public async Task Complaints_Month_TwentyFourWholeMonthsWithLimitsAndTheLastMonthsCount()
    {
        await PostAsync(RecordsBegin(NuevoLeon), ComplaintLastMonth(NuevoLeon), ComplaintLastMonth(NuevoLeon), ComplaintLastMonth(NuevoLeon, "waiting-time"));
        using var client = factory.CreateClient(TableroFactory.ReadKey);

        var all = await ReadJsonAsync(await client.GetAsync($"/api/v1/indicators/complaints?unit={NuevoLeon.Code}", Ct));
        var mistreatment = await ReadJsonAsync(await client.GetAsync($"/api/v1/indicators/complaints?period=month&category=mistreatment&unit={NuevoLeon.Code}", Ct));

        var points = all.GetProperty("points");
        Assert.Equal(24, points.GetArrayLength());
        Assert.Equal("Month", all.GetProperty("period").GetString());
        Assert.Equal("count", all.GetProperty("measure").GetString());
        Assert.Equal(3, points[23].GetProperty("complaints").GetInt32());
        Assert.Equal(2, mistreatment.GetProperty("points")[23].GetProperty("complaints").GetInt32());
        // Twelve baseline months of zero complaints: mean and limits zero, so three complaints lie above the limit.
        Assert.Equal(0, all.GetProperty("mean").GetDouble());
        Assert.False(all.GetProperty("provisional").GetBoolean());
        Assert.True(points[0].GetProperty("inBaseline").GetBoolean());
        Assert.False(points[12].GetProperty("inBaseline").GetBoolean());
        Assert.Contains("AboveUpperLimit", points[23].GetProperty("signals").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("Deterioration", all.GetProperty("latest").GetString());
        // The last point is the month before today's month, as a day range.
        var lastEnd = DateOnly.ParseExact(points[23].GetProperty("end").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(1, lastEnd.AddDays(1).Day);
    }

    [Fact]
    public async Task Complaints_JaliscoKey_CountsNothingOutsideItsRegion()
    {
        await PostAsync(RecordsBegin(Jalisco), RecordsBegin(NuevoLeon), ComplaintLastMonth(Jalisco));
        using var client = factory.CreateClient(TableroFactory.JaliscoKey);

        var own = await ReadJsonAsync(await client.GetAsync($"/api/v1/indicators/complaints?unit={Jalisco.Code}", Ct));
        var other = await ReadJsonAsync(await client.GetAsync($"/api/v1/indicators/complaints?unit={NuevoLeon.Code}", Ct));
        var otherRegion = await ReadJsonAsync(await client.GetAsync("/api/v1/indicators/complaints?region=IMSS-NL", Ct));

        Assert.Equal(1, own.GetProperty("points")[23].GetProperty("complaints").GetInt32());
        Assert.All(other.GetProperty("points").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("complaints").GetInt32()));
        Assert.All(otherRegion.GetProperty("points").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("complaints").GetInt32()));
    }

    [Fact]
    public async Task Complaints_Baseline_ChosenPeriodsOnly()
    {
        using var client = factory.CreateClient(TableroFactory.ReadKey);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = new DateOnly(today.Year, 1, 1).AddYears(-1);
        var to = from.AddMonths(2);

        var chart = await ReadJsonAsync(await client.GetAsync(
            $"/api/v1/indicators/complaints?period=Quarter&baselineFrom={from:yyyy-MM-dd}&baselineTo={to:yyyy-MM-dd}&unit={NuevoLeon.Code}", Ct));

        // One quarter of baseline: no moving range, so no limits.
        Assert.Equal(JsonValueKind.Null, chart.GetProperty("mean").ValueKind);
        Assert.True(chart.GetProperty("provisional").GetBoolean());
        var bimesters = await ReadJsonAsync(await client.GetAsync(
            $"/api/v1/indicators/complaints?period=bimester&baselineFrom={from:yyyy-MM-dd}&baselineTo={to:yyyy-MM-dd}&unit={NuevoLeon.Code}", Ct));
        Assert.Equal(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), bimesters.GetProperty("baselineFrom").GetString());
        Assert.Equal(2, bimesters.GetProperty("points").EnumerateArray().Count(p => p.GetProperty("inBaseline").GetBoolean()));
        Assert.True(bimesters.GetProperty("provisional").GetBoolean());
    }

    [Theory]
    [InlineData("period=year", "period")]
    [InlineData("period=2", "period")]
    [InlineData("category=rudeness", "category")]
    [InlineData("baselineFrom=2026-13-01", "baselineFrom")]
    [InlineData("baselineTo=yesterday", "baselineTo")]
    [InlineData("baselineFrom=2026-05-01&baselineTo=2026-01-01", "baselineTo")]
    public async Task Complaints_BadParameter_Is400NamingIt(string queryString, string parameter)
    {
        using var client = factory.CreateClient(TableroFactory.ReadKey);

        var response = await client.GetAsync($"/api/v1/indicators/complaints?{queryString}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Complaints_WithoutKey_Is401()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/indicators/complaints", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
