using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Profiles;
using Dashboard.Core.Tests.Profiles;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Profiles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Profiles;

/// <summary>A third institution added as a folder: the host takes it at start, the API and the SLA clocks follow it, and an administrator changes it while running.</summary>
[Collection(ProfileHostsCollection.Name)]
public sealed class ThirdInstitutionTests : IAsyncLifetime
{
    private const string IsssteKey = "test-key-issste-national-01";
    private static readonly Institution Issste = new("Issste");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ProfileFolder _folder = ProfileFolder.WithThird();
    private ThirdInstitutionFactory _factory = null!;

    private static readonly Region IsssteJalisco = new("ISSSTE-JAL", "Delegación Jalisco", Issste, "America/Mexico_City");
    private static readonly Unit IsssteClinic = new("ISSSTE-CMF-GDL", "Clínica de Medicina Familiar Guadalajara", UnitType.Umf, IsssteJalisco.Code, Issste, "America/Mexico_City", 3);

    public async ValueTask InitializeAsync()
    {
        _factory = new ThirdInstitutionFactory(_folder.Path);
        var catalogue = _factory.Services.GetRequiredService<CatalogueService>();
        await catalogue.UpsertAsync(new CatalogueSnapshot([IsssteJalisco], [IsssteClinic], [], []), Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        InstitutionProfiles.Use(ProfileLoader.Load(InstitutionProfiles.ShippedFolder).OrThrow());
        _folder.Dispose();
    }

    [Fact]
    public async Task ACaseAtTheThirdInstitution_IsTakenWithItsIdFormatCategoriesAndPolicy_AndSeenInItsNationalScopeOnly()
    {
        using var ingest = _factory.CreateClient(TableroFactory.IngestKey);
        var opened = EventJson.Opened("ISSSTE-QJ-1", IsssteClinic.Code);
        opened["data"]!["category"] = "medicine-supply";
        opened["data"]!["insuredId"] = "1234567890";
        opened["data"]!["staffRole"] = "pharmacy";
        var wrongId = EventJson.Opened("ISSSTE-QJ-2", IsssteClinic.Code);
        wrongId["data"]!["category"] = "medicine-supply";
        var wrongCategory = EventJson.Opened("ISSSTE-QJ-3", IsssteClinic.Code);
        wrongCategory["data"]!["category"] = "disability-certificate";
        wrongCategory["data"]!["insuredId"] = "1234567890";

        using var accepted = await ingest.PostAsJsonAsync("/api/v1/events", opened, Ct);
        using var refusedId = await ingest.PostAsJsonAsync("/api/v1/events", wrongId, Ct);
        using var refusedCategory = await ingest.PostAsJsonAsync("/api/v1/events", wrongCategory, Ct);
        using var imss = await ingest.PostAsJsonAsync("/api/v1/events", EventJson.Opened("IMSS-QJ-9", TableroFactory.JaliscoUnit.Code), Ct);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, imss.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refusedId.StatusCode);
        Assert.Contains("número de afiliación of 10 digits", await refusedId.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, refusedCategory.StatusCode);
        Assert.Contains("disability-certificate", await refusedCategory.Content.ReadAsStringAsync(Ct));

        using var national = _factory.CreateClient(IsssteKey);
        var cases = await national.GetFromJsonAsync<JsonElement>("/api/v1/cases?status=open", Ct);
        var only = Assert.Single(cases.GetProperty("items").EnumerateArray());
        Assert.Equal("ISSSTE-QJ-1", only.GetProperty("caseId").GetString());
        Assert.Equal("Issste", only.GetProperty("institution").GetString());
        var detail = await national.GetFromJsonAsync<JsonElement>("/api/v1/cases/ISSSTE-QJ-1", Ct);
        Assert.Equal("issste-any", detail.GetProperty("sla").GetProperty("policy").GetString());
        var classification = await national.GetFromJsonAsync<JsonElement>("/api/v1/classification?institution=ISSSTE", Ct);
        Assert.Equal(["mistreatment", "medicine-supply", "waiting-time"],
            Assert.Single(classification.EnumerateArray()).GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task AnAdministratorsChange_IsAppliedWhenValid_AndABadOneIsRefusedWithWhereAndNothingChanges()
    {
        var profiles = _factory.Services.GetRequiredService<ProfileService>();
        var catalogue = _factory.Services.GetRequiredService<CatalogueService>();
        var holidays = await File.ReadAllTextAsync(_folder.FileOf("issste", ProfileLoader.HolidaysFile), Ct);
        var decreed = new DateOnly(2027, 5, 15);
        Assert.False(catalogue.Context.Sla.Calendars.Holidays(Issste).IsHoliday(decreed));

        var bad = await profiles.ReplaceFileAsync("issste", ProfileLoader.HolidaysFile, holidays.Replace("\"days\": [", "\"days\": [ { \"date\": \"2027-05-15\" },", StringComparison.Ordinal), Ct);
        var good = await profiles.ReplaceFileAsync("issste", ProfileLoader.HolidaysFile,
            holidays.Replace("\"days\": [", "\"days\": [ { \"date\": \"2027-05-15\", \"name\": \"Día del Maestro\" },", StringComparison.Ordinal), Ct);

        var refused = Assert.Single(bad);
        Assert.Equal("issste/holidays.json", refused.File);
        Assert.Equal(Array.FindIndex(holidays.Split('\n'), l => l.Contains("\"days\"", StringComparison.Ordinal)) + 1, refused.Line);
        Assert.Equal("days[0]", refused.Field);
        Assert.Empty(good);
        Assert.True(catalogue.Context.Sla.Calendars.Holidays(Issste).IsHoliday(decreed));
        Assert.Contains("Día del Maestro", await File.ReadAllTextAsync(_folder.FileOf("issste", ProfileLoader.HolidaysFile), Ct));
        Assert.Empty(await profiles.ReplaceFileAsync("issste", ProfileLoader.HolidaysFile, holidays, Ct));
        Assert.False(catalogue.Context.Sla.Calendars.Holidays(Issste).IsHoliday(decreed));
        Assert.Equal("is not a file of a profile", Assert.Single(await profiles.ReplaceFileAsync("..", "tablero.db", "{}", Ct)).Message);
    }

    private sealed class ThirdInstitutionFactory(string profiles) : TableroFactory
    {
        protected override void Customize(IWebHostBuilder builder) =>
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Profiles:Path"] = profiles,
                ["ApiKeys:Keys:4:Name"] = "issste-national",
                ["ApiKeys:Keys:4:KeySha256"] = Dashboard.Web.Security.ApiKeyEntry.HashOf(IsssteKey),
                ["ApiKeys:Keys:4:Permissions:0"] = "Read",
                ["ApiKeys:Keys:4:Scope"] = "institution:ISSSTE",
            }));
    }
}
