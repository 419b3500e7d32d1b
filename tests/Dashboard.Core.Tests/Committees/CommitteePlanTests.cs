using Dashboard.Core.Catalogue;
using Dashboard.Core.Committees;
using Dashboard.Core.Profiles;
using Dashboard.Simulator.Catalogue;

namespace Dashboard.Core.Tests.Committees;

/// <summary>The committees a catalogue implies, named in each institution's words, and which one an escalation reaches.</summary>
public sealed class CommitteePlanTests
{
    private static readonly CatalogueSnapshot Demo = DemoCatalogue.Build();

    [Fact]
    public void From_TheDemoCatalogue_GivesACentralCommitteePerInstitutionOnePerRegionAndOnePerUmae()
    {
        var committees = CommitteePlan.From(Demo, InstitutionProfiles.Current);

        Assert.Equal(2, committees.Count(c => c.Kind == CommitteeKind.Central));
        Assert.Equal(Demo.Regions.Count, committees.Count(c => c.Kind == CommitteeKind.Region));
        Assert.Equal(Demo.Units.Count(u => u.Type == UnitType.Umae), committees.Count(c => c.Kind == CommitteeKind.Umae));
        Assert.Equal(committees.Count, committees.Select(c => c.Code).Distinct().Count());
        Assert.Equal("Comité Central de Trato Digno", committees.Single(c => c.Code == "C-IMSS").Name);
        Assert.Equal("Gerencia Central de Atención al Asegurado", committees.Single(c => c.Code == "C-ESSALUD").Name);
        Assert.Equal("Comité de Trato Digno · OOAD Jalisco", committees.Single(c => c.Code == "R-IMSS-JAL").Name);
        Assert.StartsWith("Atención al Asegurado · ", committees.Single(c => c.Code == "R-ESS-REB").Name, StringComparison.Ordinal);
        var umae = committees.First(c => c.Kind == CommitteeKind.Umae);
        Assert.NotNull(umae.RegionCode);
        Assert.Equal(2, umae.Level);
    }

    [Fact]
    public void For_Level2ReachesAUmaesOwnCommitteeOrTheRegions_AndLevel3TheCentralOne()
    {
        var umae = Demo.Units.First(u => u.Type == UnitType.Umae);
        var umf = Demo.Units.First(u => u.Type == UnitType.Umf && u.Institution == Institution.Imss);
        var essalud = Demo.Units.First(u => u.Institution == Institution.EsSalud);

        Assert.Null(CommitteePlan.For(1, umae));
        Assert.Equal($"U-{umae.Code}", CommitteePlan.For(2, umae));
        Assert.Equal($"R-{umf.RegionCode}", CommitteePlan.For(2, umf));
        Assert.Equal("C-IMSS", CommitteePlan.For(3, umae));
        Assert.Equal("C-ESSALUD", CommitteePlan.For(3, essalud));
    }
}
