using Dashboard.Core.Catalogue;
using Dashboard.Web.Alerts;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Tests.Sla;

/// <summary>The demo's alert recipients follow each institution: an EsSalud escalation never reaches an IMSS address.</summary>
public sealed class DevelopmentRecipientsTests
{
    private static readonly string Root = FindRoot(AppContext.BaseDirectory);

    private static string FindRoot(string from) =>
        File.Exists(Path.Combine(from, "Dashboard.sln")) ? from : FindRoot(Path.GetDirectoryName(from) ?? throw new InvalidOperationException("Dashboard.sln not found above the test"));

    [Theory]
    [InlineData("Imss", "@imss.example")]
    [InlineData("EsSalud", "@essalud.example")]
    public void EveryLevel_AlertsOnlyTheCaseInstitutionsOwnPeople(Institution institution, string domain)
    {
        var options = new ConfigurationBuilder().AddJsonFile(Path.Combine(Root, "src", "Dashboard.Web", "appsettings.Development.json")).Build()
            .GetSection("Alerts").Get<AlertOptions>()!;
        var unit = TableroFactory.Catalogue.Units.First(u => u.Institution == institution);
        string? InstitutionOf(string region) => TableroFactory.Catalogue.Regions.First(r => r.Code == region).Institution.ToString();

        for (var level = 1; level <= 3; level++)
        {
            var addresses = options.Recipients.Where(g => g.Covers(level, unit.RegionCode, unit.Code, InstitutionOf, unit.Type))
                .SelectMany(g => g.AddressesFor(unit.RegionCode, unit.Code)).ToArray();

            Assert.NotEmpty(addresses);
            Assert.All(addresses, a => Assert.EndsWith(domain, a, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void UmaeCaseAtLevelTwo_GoesToItsOwnCommittee_NotToTheOoads()
    {
        var options = new ConfigurationBuilder().AddJsonFile(Path.Combine(Root, "src", "Dashboard.Web", "appsettings.Development.json")).Build()
            .GetSection("Alerts").Get<AlertOptions>()!;
        string? InstitutionOf(string region) => TableroFactory.Catalogue.Regions.First(r => r.Code == region).Institution.ToString();
        string[] Level2(Unit unit) => options.Recipients.Where(g => g.Covers(2, unit.RegionCode, unit.Code, InstitutionOf, unit.Type))
            .SelectMany(g => g.AddressesFor(unit.RegionCode, unit.Code)).ToArray();
        var umae = TableroFactory.Catalogue.Units.First(u => u.Type == UnitType.Umae);
        var umf = TableroFactory.Catalogue.Units.First(u => u.Type == UnitType.Umf && u.RegionCode == umae.RegionCode);

        Assert.Equal([$"comite.{umae.Code.ToLowerInvariant()}@imss.example"], Level2(umae));
        Assert.Equal([$"comite.{umf.RegionCode.ToLowerInvariant()}@imss.example"], Level2(umf));
        Assert.Equal("comité de Trato Digno de la UMAE", AlertDelivery.LevelName(2, Institution.Imss, UnitType.Umae));
    }
}
