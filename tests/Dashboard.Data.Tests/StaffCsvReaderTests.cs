using Dashboard.Core.Staff;
using Dashboard.Core.Storage;
using Dashboard.Data.CatalogueImport;

namespace Dashboard.Data.Tests;

/// <summary>The staff import file: every row checked, each problem named by line and column, and no staff unless all are good.</summary>
public sealed class StaffCsvReaderTests
{
    private const string Header = StaffCsvReader.Header + "\n";

    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public void Read_GoodFile_StaffWithCertificationAndSessions()
    {
        var result = StaffCsvReader.Read(new StringReader(Header
            + "UMF-JAL-023,98765432,Ana Lucía Ramírez Soto,attention-technician,TAO-104233,2026-01-15,,1;2;3\n"
            + "HN-REB-001,E-004512,\"Quispe Huamán, Rosa\",pharmacy,,15/03/2025,10/03/2027,1 2 3 4 5 6\n"
            + "HGR-JAL-046,1003,Carmen López,medical-assistant,,,,\n"), Fixtures.Index, ReadScope.All, Today);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        var (ana, rosa, carmen) = (result.Records![0], result.Records[1], result.Records[2]);
        // Without an expiry the institution's validity applies: two years.
        Assert.Equal(new StaffCertification(new DateOnly(2026, 1, 15), new DateOnly(2028, 1, 15)), ana.Certification);
        Assert.Equal("TAO-104233", ana.Member.AgentId);
        Assert.Equal([1, 2, 3], ana.Sessions);
        Assert.Equal(("Quispe Huamán, Rosa", new DateOnly(2027, 3, 10)), (rosa.Member.Name, rosa.Certification!.ExpiresOn));
        Assert.Equal(6, rosa.Sessions.Count);
        Assert.Null(carmen.Certification);
        Assert.Empty(carmen.Sessions);
    }

    [Fact]
    public void Read_RosterOnlyHeader_OptionalColumnsLeftOut()
    {
        var result = StaffCsvReader.Read(new StringReader("unitCode,staffNumber,name,staffRole\nHGR-JAL-046,1003,Carmen López,medical-assistant\n"),
            Fixtures.Index, ReadScope.All, Today);

        Assert.Equal("Carmen López", Assert.Single(result.Records!).Member.Name);
    }

    [Fact]
    public void Read_BadRows_NoStaffAndEachRowAndColumnNamed()
    {
        var result = StaffCsvReader.Read(new StringReader(Header
            + "UMF-JAL-023,1001,Ana Ramírez,pharmacy,,2026-01-15,,1;2\n"
            + "UMF-JAL-023,1002,Carmen López,pharmacy,,2026-13-01,,1\n"
            + "HN-REB-001,1003,Rosa Quispe,pharmacy,,,,1;7\n"
            + "UMF-XXX-999,1004,Luis Garza,pharmacy,,,,\n"
            + "UMF-JAL-023,1001,Ana Ramírez bis,pharmacy,,,,uno\n"
            + "UMF-JAL-023,1005,Teresa Cruz,pharmacy,,,2027-01-01,\n"), Fixtures.Index, ReadScope.All, Today);

        Assert.Null(result.Records);
        Assert.Equal([(3, "certifiedOn"), (4, "sessions"), (5, "unitCode"), (6, "sessions"), (7, "certifiedOn")], result.Errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void Read_AnotherRegionsUnit_AnsweredAsUnknown()
    {
        var error = Assert.Single(StaffCsvReader.Read(new StringReader(Header + "UMF-NL-015,1001,Luis Garza,pharmacy,,,,\n"),
            Fixtures.Index, ReadScope.ForRegion("IMSS-JAL"), Today).Errors);

        Assert.Equal((2, "unitCode", "'UMF-NL-015' is not a unit of the catalogue"), (error.Line, error.Column, error.Message));
    }

    [Fact]
    public void Read_MissingColumnOrEmptyFile_OneErrorOnTheHeader()
    {
        var missing = Assert.Single(StaffCsvReader.Read(new StringReader("unitCode,staffNumber,name\nUMF-JAL-023,1001,Ana\n"), Fixtures.Index, ReadScope.All, Today).Errors);
        var empty = Assert.Single(StaffCsvReader.Read(new StringReader(Header), Fixtures.Index, ReadScope.All, Today).Errors);

        Assert.Equal((1, "staffRole"), (missing.Line, missing.Column));
        Assert.Equal(2, empty.Line);
    }
}
