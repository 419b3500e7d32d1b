using System.Text.RegularExpressions;
using Dashboard.Core.Catalogue;
using Dashboard.Simulator.Catalogue;

namespace Dashboard.Core.Tests.Simulator;

public sealed class DemoCatalogueTests
{
    private static readonly CatalogueSnapshot Catalogue = DemoCatalogue.Build();

    [Fact]
    public void Build_Imss_Has35OoadsAndAbout1500UnitsOfRealTypes()
    {
        var regions = Catalogue.Regions.Where(r => r.Institution == Institution.Imss).ToArray();
        var units = Catalogue.Units.Where(u => u.Institution == Institution.Imss).ToArray();

        Assert.Equal(35, regions.Length);
        Assert.Contains(regions, r => r.Name.Contains("Ciudad de México Norte", StringComparison.Ordinal));
        Assert.Contains(regions, r => r.Name.Contains("Ciudad de México Sur", StringComparison.Ordinal));
        Assert.InRange(units.Length, 1400, 1600);
        Assert.Equal(25, units.Count(u => u.Type == UnitType.Umae));
        Assert.True(units.Count(u => u.Type == UnitType.Umf) > units.Length / 2);
        Assert.All(regions, r => Assert.Contains(units, u => u.RegionCode == r.Code && u.Type == UnitType.Hgz));
    }

    [Fact]
    public void Build_EsSalud_IsInLimaTime()
    {
        var units = Catalogue.Units.Where(u => u.Institution == Institution.EsSalud).ToArray();

        Assert.NotEmpty(units);
        Assert.All(units, u => Assert.Equal("America/Lima", u.TimeZone));
        Assert.Contains(units, u => u.Name.Contains("Rebagliati", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_EveryTimeZoneExistsAndEveryCodeIsUniqueAndValid()
    {
        var code = new Regex("^[A-Za-z0-9\\-_.]{1,64}$");
        var all = Catalogue.Regions.Select(r => r.Code).Concat(Catalogue.Units.Select(u => u.Code))
            .Concat(Catalogue.Modules.Select(m => m.Code)).Concat(Catalogue.Agents.Select(a => a.Id)).ToArray();

        Assert.Equal(all.Length, all.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(all, c => Assert.Matches(code, c));
        Assert.All(Catalogue.Units.Select(u => u.TimeZone).Distinct(), z => Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(z)));
        var units = Catalogue.Units.Select(u => u.Code).ToHashSet();
        Assert.All(Catalogue.Agents, a => Assert.Contains(a.UnitCode, units));
    }

    [Fact]
    public void Build_SameSeed_SameCatalogue()
    {
        var again = DemoCatalogue.Build();

        Assert.Equal(Catalogue.Units, again.Units);
        Assert.Equal(Catalogue.Agents, again.Agents);
    }
}
