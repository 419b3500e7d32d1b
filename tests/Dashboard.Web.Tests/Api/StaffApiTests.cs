using System.Net;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Catalogue;

namespace Dashboard.Web.Tests.Api;

/// <summary>
/// <c>/api/v1/staff</c>: the roster CSV stored all or nothing by an administrator, the coverage read within the key's
/// scope (a region's key never sees another region's staff), and bad input answered as a problem naming the line.
/// </summary>
public sealed class StaffApiTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private const string Header = "unitCode,staffNumber,name,staffRole,agentId,certifiedOn,expiresOn,sessions\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Unit[] Jalisco = [.. TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-JAL").OrderBy(u => u.Code, StringComparer.Ordinal)];

    private static readonly Unit NuevoLeon = TableroFactory.Catalogue.Units.First(u => u.RegionCode == "IMSS-NL");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static StringContent Csv(string body) => new(Header + body, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task Import_ThenRead_JaliscoKeySeesOnlyJaliscoWithTheUncertifiedCountedAndTheDueListed()
    {
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var content = Csv(
            $"{Jalisco[0].Code},API-1,Ana Ramírez,medical-assistant,,{today.AddMonths(-3):yyyy-MM-dd},,1;2;3;4\n"
            + $"{Jalisco[0].Code},API-2,Carmen López,pharmacy,,{today.AddMonths(-23):yyyy-MM-dd},{today.AddDays(30):yyyy-MM-dd},1\n"
            + $"{Jalisco[0].Code},API-3,Jorge Sánchez,pharmacy,,,,\n"
            + $"{NuevoLeon.Code},API-4,Luis Garza,nursing,,{today.AddMonths(-3):yyyy-MM-dd},,\n");

        var stored = await JsonAsync(await admin.PostAsync("/api/v1/staff/import", content, Ct));
        Assert.Equal((4, 3, 5), (stored.GetProperty("people").GetInt32(), stored.GetProperty("certifications").GetInt32(), stored.GetProperty("sessions").GetInt32()));

        using var jalisco = factory.CreateClient(TableroFactory.JaliscoKey);
        var coverage = await JsonAsync(await jalisco.GetAsync("/api/v1/staff/coverage", Ct));
        var region = Assert.Single(coverage.GetProperty("regions").EnumerateArray());
        Assert.Equal("IMSS-JAL", region.GetProperty("regionCode").GetString());
        var unit = region.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitCode").GetString() == Jalisco[0].Code).GetProperty("coverage");
        Assert.Equal((3, 2, 1), (unit.GetProperty("staff").GetInt32(), unit.GetProperty("certified").GetInt32(), unit.GetProperty("renewalDue").GetInt32()));
        // Every other unit of the OOAD is a gap: no staff loaded.
        Assert.Contains(region.GetProperty("units").EnumerateArray(), u => u.GetProperty("coverage").GetProperty("staff").GetInt32() == 0);
        Assert.Equal(["API-2"], coverage.GetProperty("due").EnumerateArray().Select(d => d.GetProperty("staffNumber").GetString()));
        Assert.DoesNotContain("Luis Garza", coverage.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_CsvWithOneBadRow_StoresNothingAndNamesTheLineAndColumn()
    {
        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        using var content = Csv($"{Jalisco[1].Code},BAD-1,Ana Ramírez,pharmacy,,,,1\n{Jalisco[1].Code},BAD-2,Carmen López,surgeon,,,,\n");

        var problem = await JsonAsync(await admin.PostAsync("/api/v1/staff/import", content, Ct), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("line 3: staffRole", out _), problem.GetRawText());
        using var reader = factory.CreateClient(TableroFactory.ReadKey);
        var coverage = await JsonAsync(await reader.GetAsync($"/api/v1/staff/coverage?unit={Jalisco[1].Code}", Ct));
        Assert.Equal(0, coverage.GetProperty("total").GetProperty("staff").GetInt32());
    }

    [Fact]
    public async Task Import_NotAnAdministratorOrNotCsv_RefusedWithAProblem()
    {
        using var reader = factory.CreateClient(TableroFactory.ReadKey);
        using var csv = Csv($"{Jalisco[2].Code},NO-1,Ana Ramírez,pharmacy,,,,\n");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/v1/staff/import", csv, Ct)).StatusCode);

        using var admin = factory.CreateClient(TableroFactory.AdminKey);
        using var json = new StringContent("[]", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await admin.PostAsync("/api/v1/staff/import", json, Ct)).StatusCode);
    }
}
