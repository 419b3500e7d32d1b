using Dashboard.Core.Storage;

namespace Dashboard.Core.Tests.Storage;

public sealed class ReadScopeTests
{
    private static string? RegionOf(string unit) => unit.StartsWith("UMF-JAL", StringComparison.Ordinal) ? "IMSS-JAL" : unit.StartsWith("HN-REB", StringComparison.Ordinal) ? "ESS-REB" : null;

    private static string? InstitutionOf(string region) => region.StartsWith("IMSS-", StringComparison.Ordinal) ? "Imss" : region.StartsWith("ESS-", StringComparison.Ordinal) ? "EsSalud" : null;

    [Theory]
    [InlineData("institution:IMSS", "Imss")]
    [InlineData("institution:imss", "Imss")]
    [InlineData("institution:ESSALUD", "EsSalud")]
    public void Parse_AnInstitutionScope_NamesTheInstitutionAsStoredAndPrintsItInCapitals(string text, string stored)
    {
        var scope = ReadScope.Parse(text);

        Assert.Equal(ReadScope.ForInstitution(stored), scope);
        Assert.Equal(text.ToUpperInvariant().Replace("INSTITUTION:", "institution:", StringComparison.Ordinal), scope!.ToString());
        Assert.Equal(scope, ReadScope.Parse(scope.ToString()));
    }

    [Theory]
    [InlineData("institution:")]
    [InlineData("institution:0")]
    [InlineData("institution: IMSS")]
    [InlineData("institution:ISSSTE")]
    [InlineData("institution:Imss,EsSalud")]
    public void Parse_RefusesWhatIsNotAnInstitution(string text) => Assert.Null(ReadScope.Parse(text));

    [Fact]
    public void InstitutionScope_IncludesItsRegionsAndUnits_AndNothingOfTheOther()
    {
        var imss = ReadScope.ForInstitution("Imss");

        Assert.True(imss.Includes(ReadScope.ForRegion("IMSS-JAL"), RegionOf, InstitutionOf));
        Assert.True(imss.Includes(ReadScope.ForUnit("UMF-JAL-023"), RegionOf, InstitutionOf));
        Assert.False(imss.Includes(ReadScope.ForUnit("HN-REB-001"), RegionOf, InstitutionOf));
        Assert.False(imss.Includes(ReadScope.All, RegionOf, InstitutionOf));
        Assert.False(imss.Includes(ReadScope.ForInstitution("EsSalud"), RegionOf, InstitutionOf));
        Assert.True(ReadScope.All.Includes(imss, RegionOf, InstitutionOf));
        Assert.False(ReadScope.ForRegion("IMSS-JAL").Includes(imss, RegionOf, InstitutionOf));
        Assert.True(imss.Allows("IMSS-JAL", "UMF-JAL-023", InstitutionOf));
        Assert.False(imss.Allows("ESS-REB", "HN-REB-001", InstitutionOf));
    }
}
