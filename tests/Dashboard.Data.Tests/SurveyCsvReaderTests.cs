using Dashboard.Core.Storage;
using Dashboard.Data.CatalogueImport;

namespace Dashboard.Data.Tests;

/// <summary>The survey import file: every row checked, each problem named by line and column, and no results unless all are good.</summary>
public sealed class SurveyCsvReaderTests
{
    private const string Header = "year,bimester,unitCode,respondents,satisfied,tratoDigno\n";

    [Fact]
    public void Read_GoodFile_AllResults()
    {
        var result = SurveyCsvReader.Read(new StringReader(Header + "2026,6,HGR-JAL-046,120,90,100\n2026,6,HN-REB-001,25,20,22\n"), Fixtures.Index, ReadScope.All);

        Assert.True(result.IsValid);
        Assert.Equal(["HGR-JAL-046", "HN-REB-001"], result.Results!.Select(r => r.UnitCode));
    }

    [Fact]
    public void Read_OneBadRow_NoResultsAndTheRowAndColumnNamed()
    {
        var result = SurveyCsvReader.Read(new StringReader(Header + "2026,6,HGR-JAL-046,120,90,100\n2026,6,HN-REB-001,25,30,22\n2026,x,HN-REB-001,25,20,22\n"),
            Fixtures.Index, ReadScope.All);

        Assert.Null(result.Results);
        Assert.Equal([(3, "satisfied"), (4, "bimester")], result.Errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void Read_MissingColumn_OneErrorOnTheHeader()
    {
        var error = Assert.Single(SurveyCsvReader.Read(new StringReader("year,bimester,unitCode,respondents\n2026,6,HGR-JAL-046,120\n"), Fixtures.Index, ReadScope.All).Errors);

        Assert.Equal((1, "satisfied,tratoDigno"), (error.Line, error.Column));
    }
}
