using Dashboard.Core.Storage;
using Dashboard.Data.CatalogueImport;

namespace Dashboard.Data.Tests;

/// <summary>The attention volume import file: every row checked, each problem named by line and column, and no volumes unless all are good.</summary>
public sealed class AttentionVolumeCsvReaderTests
{
    private const string Header = "unidad,mes,atenciones\n";

    [Fact]
    public void Read_GoodFile_AllVolumesOnTheirMonthsFirstDay()
    {
        var result = AttentionVolumeCsvReader.Read(new StringReader(Header + "HGR-JAL-046,2026-05,41200\nHN-REB-001,2026-05,0\n"), Fixtures.Index, ReadScope.All);

        Assert.True(result.IsValid);
        Assert.Equal([("HGR-JAL-046", new DateOnly(2026, 5, 1), 41_200), ("HN-REB-001", new DateOnly(2026, 5, 1), 0)],
            result.Volumes!.Select(v => (v.UnitCode, v.Month, v.Attentions)));
    }

    [Fact]
    public void Read_BadRows_NoVolumesAndEachRowAndColumnNamed()
    {
        var result = AttentionVolumeCsvReader.Read(new StringReader(Header
            + "HGR-JAL-046,2026-05,41200\n"
            + "HGR-JAL-046,mayo,41200\n"
            + "HN-REB-001,2026-05,-3\n"
            + "NO-SUCH,2026-05,10\n"
            + "HGR-JAL-046,2026-05,100\n"), Fixtures.Index, ReadScope.All);

        Assert.Null(result.Volumes);
        Assert.Equal([(3, "mes"), (4, "atenciones"), (5, "unidad"), (6, "mes")], result.Errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("YYYY-MM", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("one volume per unit and month", result.Errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AUnitOutsideTheWritersScope_RefusedAsUnknown()
    {
        var result = AttentionVolumeCsvReader.Read(new StringReader(Header + "HN-REB-001,2026-05,100\n"), Fixtures.Index, ReadScope.ForRegion("IMSS-JAL"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "unidad", "'HN-REB-001' is not a unit of the catalogue"), (error.Line, error.Column, error.Message));
    }

    [Fact]
    public void Read_MissingColumn_OneErrorOnTheHeader()
    {
        var error = Assert.Single(AttentionVolumeCsvReader.Read(new StringReader("unidad,mes\nHGR-JAL-046,2026-05\n"), Fixtures.Index, ReadScope.All).Errors);

        Assert.Equal((1, "atenciones"), (error.Line, error.Column));
    }
}
