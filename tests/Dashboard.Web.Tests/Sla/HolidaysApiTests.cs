using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dashboard.Web.Tests.Sla;

public sealed class HolidaysApiTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement[]> ListAsync(string country, int year)
    {
        using var response = await factory.CreateClient(TableroFactory.ReadKey).GetAsync($"/api/v1/holidays/{country}?year={year}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.EnumerateArray().ToArray();
    }

    [Fact]
    public async Task List_Mexico2026_IsTheLawsSevenRestDays()
    {
        var days = await ListAsync("Mexico", 2026);

        Assert.Equal(["2026-01-01", "2026-02-02", "2026-03-16", "2026-05-01", "2026-09-16", "2026-11-16", "2026-12-25"],
            days.Select(d => d.GetProperty("date").GetString()));
        Assert.All(days, d => Assert.False(d.GetProperty("extra").GetBoolean()));
    }

    [Fact]
    public async Task Put_ExtraDayByAnAdministrator_IsListedAndCanBeRemoved()
    {
        var admin = factory.CreateClient(TableroFactory.AdminKey);

        using var put = await admin.PutAsJsonAsync("/api/v1/holidays/Peru/2027-06-25", new { name = "Día no laborable (decreto supremo)" }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Contains(await ListAsync("Peru", 2027), d => d.GetProperty("date").GetString() == "2027-06-25" && d.GetProperty("extra").GetBoolean());

        using var delete = await admin.DeleteAsync("/api/v1/holidays/Peru/2027-06-25", Ct);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.DoesNotContain(await ListAsync("Peru", 2027), d => d.GetProperty("date").GetString() == "2027-06-25");
    }

    [Fact]
    public async Task Put_WithoutAdminPermission_IsForbidden()
    {
        using var response = await factory.CreateClient(TableroFactory.ReadKey).PutAsJsonAsync("/api/v1/holidays/Mexico/2027-06-06", new { name = "Jornada electoral" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Put_BadCountryDateAndName_AnswersEachProblem()
    {
        using var response = await factory.CreateClient(TableroFactory.AdminKey).PutAsJsonAsync("/api/v1/holidays/Chile/2027-13-01", new { name = "" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("country", out _));
        Assert.True(errors.TryGetProperty("date", out _));
        Assert.True(errors.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Delete_ARuleHoliday_IsNotFoundWithTheReason()
    {
        using var response = await factory.CreateClient(TableroFactory.AdminKey).DeleteAsync("/api/v1/holidays/Mexico/2026-09-16", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("cannot be removed", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
