using Dashboard.Core.Catalogue;
using Dashboard.Data.CatalogueImport;

namespace Dashboard.Data.Tests;

public sealed class CatalogueCsvReaderTests
{
    private const string RegionsHeader = "code,name,institution,timeZone\n";
    private const string UnitsHeader = "code,name,type,regionCode,institution,timeZone,size\n";
    private const string ModulesHeader = "code,unitCode,name\n";
    private const string AgentsHeader = "id,unitCode,moduleCode,name\n";

    private const string TwoRegions =
        RegionsHeader +
        "IMSS-JAL,OOAD Jalisco,Imss,America/Mexico_City\n" +
        "ESSALUD-REB,Red Prestacional Rebagliati,EsSalud,America/Lima\n";

    private static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "CatalogueCsv", name);

    private static CatalogueCsvResult Read(
        string regions, string units, string? modules = null, string? agents = null, CatalogueSnapshot? existing = null)
    {
        using var regionsReader = new StringReader(regions);
        using var unitsReader = new StringReader(units);
        using var modulesReader = modules is null ? null : new StringReader(modules);
        using var agentsReader = agents is null ? null : new StringReader(agents);
        return CatalogueCsvReader.Read(regionsReader, unitsReader, modulesReader, agentsReader, existing);
    }

    private static (string File, int Line, string Column)[] Where(CatalogueCsvResult result) =>
        [.. result.Errors.Select(e => (e.File, e.Line, e.Column))];

    [Fact]
    public void ReadFolder_ValidImssAndEsSaludSet_ReturnsExpectedSnapshot()
    {
        var result = CatalogueCsvReader.ReadFolder(Folder("valid"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var catalogue = Assert.IsType<CatalogueSnapshot>(result.Catalogue);
        Assert.Equal(
            [
                new Region("IMSS-JAL", "OOAD Jalisco", Institution.Imss, "America/Mexico_City"),
                new Region("IMSS-NL", "OOAD Nuevo León", Institution.Imss, "America/Monterrey"),
                new Region("ESSALUD-REB", "Red Prestacional Rebagliati", Institution.EsSalud, "America/Lima"),
                new Region("ESSALUD-AQP", "Red Asistencial Arequipa, Perú", Institution.EsSalud, "America/Lima"),
            ],
            catalogue.Regions);
        Assert.Equal(
            [
                new Unit("UMF-JAL-001", "UMF No. 1, Guadalajara Centro", UnitType.Umf, "IMSS-JAL", Institution.Imss, "America/Mexico_City", 3),
                new Unit("HGZ-JAL-014", "Hospital General de Zona No. 14", UnitType.Hgz, "IMSS-JAL", Institution.Imss, "America/Mexico_City", 6),
                new Unit("UMAE-NL-025", "UMAE Hospital de Especialidades No. 25, Monterrey", UnitType.Umae, "IMSS-NL", Institution.Imss, "America/Monterrey", 9),
                new Unit("HN-REB-001", "Hospital Nacional Edgardo Rebagliati Martins", UnitType.HospitalNacional, "ESSALUD-REB", Institution.EsSalud, "America/Lima", 10),
                new Unit("POL-REB-PB", "Policlínico Pablo Bermúdez", UnitType.Policlinico, "ESSALUD-REB", Institution.EsSalud, "America/Lima", 1),
                new Unit("HN-AQP-001", "Hospital Nacional Carlos Alberto Seguín Escobedo", UnitType.HospitalNacional, "ESSALUD-AQP", Institution.EsSalud, "America/Lima", 7),
            ],
            catalogue.Units);
        Assert.Equal(
            [
                new Module("MOD-UMF-JAL-001-A", "UMF-JAL-001", "Módulo de Atención y Orientación al Derechohabiente"),
                new Module("MOD-HGZ-JAL-014-A", "HGZ-JAL-014", "Módulo de Atención, planta baja"),
                new Module("MOD-HN-REB-001-A", "HN-REB-001", "Oficina de Atención al Asegurado"),
            ],
            catalogue.Modules);
        Assert.Equal(
            [
                new Agent("AG-IMSS-0001", "UMF-JAL-001", "MOD-UMF-JAL-001-A", "María Guadalupe Hernández López"),
                new Agent("AG-IMSS-0002", "HGZ-JAL-014", "MOD-HGZ-JAL-014-A", "José Ángel Martínez Ruiz"),
                new Agent("AG-ESS-0001", "HN-REB-001", "MOD-HN-REB-001-A", "Quispe Mamani, Rosa Elena"),
            ],
            catalogue.Agents);
    }

    [Fact]
    public void ReadFolder_ModulesAndAgentsFilesAbsent_ReturnsEmptyModulesAndAgents()
    {
        var result = CatalogueCsvReader.ReadFolder(Folder("regions-units-only"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(4, result.Catalogue!.Regions.Count);
        Assert.Equal(["UMF-JAL-001", "HGZ-JAL-014"], result.Catalogue.Units.Select(u => u.Code));
        Assert.Empty(result.Catalogue.Modules);
        Assert.Empty(result.Catalogue.Agents);
    }

    [Fact]
    public void ReadFolder_RegionsFileMissing_ReportsTheFileAtLineZero()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"tablero-csv-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            File.Copy(Path.Combine(Folder("valid"), "units.csv"), Path.Combine(folder, "units.csv"));

            var result = CatalogueCsvReader.ReadFolder(folder);

            Assert.Null(result.Catalogue);
            var error = Assert.Single(result.Errors);
            Assert.Equal(("regions.csv", 0, ""), (error.File, error.Line, error.Column));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Read_SeveralBadRows_ReturnsEveryErrorWithFileLineAndColumn()
    {
        var result = Read(
            RegionsHeader +
            "IMSS-JAL,OOAD Jalisco,Imss,America/Guadalajara\n" +
            "IMSS-NL,OOAD Nuevo León,IMSS,America/Monterrey\n" +
            "ESSALUD-REB,Red Prestacional Rebagliati,Minsa,America/Lima\n" +
            "IMSS-NL,OOAD Nuevo León (copia),Imss,America/Monterrey\n",
            UnitsHeader +
            "UMF-NL-028,\"UMF No. 28, Monterrey\",Umf,IMSS-NL,Imss,America/Monterrey,grande\n" +
            "HGZ-SON-002,Hospital General de Zona No. 2,Hgz,IMSS-SON,Imss,America/Hermosillo,4\n" +
            "UMF-JAL-001,UMF No. 1 Guadalajara,Umf,IMSS-JAL,Imss,America/Mexico_City,3\n" +
            "UMAE-NL-025,UMAE Hospital de Especialidades No. 25,Umae,IMSS-NL,Imss,America/Monterrey,9\n",
            ModulesHeader +
            "MOD-UMF-JAL-001-A,UMF-JAL-001,Módulo de Atención y Orientación\n" +
            "MOD-UMAE-NL-025-A,UMAE-NL-025,Módulo de Atención UMAE 25\n",
            AgentsHeader +
            "AG-0001,UMF-JAL-001,MOD-UMF-JAL-001-A,María Guadalupe Hernández López\n" +
            "AG-0002,UMF-JAL-001,MOD-UMAE-NL-025-A,José Ángel Martínez Ruiz\n");

        Assert.False(result.IsValid);
        Assert.Null(result.Catalogue);
        Assert.Equal(
            [
                ("regions.csv", 2, "timeZone"),
                ("regions.csv", 4, "institution"),
                ("regions.csv", 5, "code"),
                ("units.csv", 2, "size"),
                ("units.csv", 3, "regionCode"),
                ("agents.csv", 3, "moduleCode"),
            ],
            Where(result));
        Assert.Contains("America/Guadalajara", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("Minsa", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("line 3", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("grande", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("IMSS-SON", result.Errors[4].Message, StringComparison.Ordinal);
        Assert.Contains("belongs to unit 'UMAE-NL-025'", result.Errors[5].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReferenceToRowWithErrors_ReportsOnlyTheOriginalError()
    {
        var result = Read(
            RegionsHeader + "IMSS-JAL,OOAD Jalisco,Imss,America/Guadalajara\n",
            UnitsHeader + "UMF-JAL-001,UMF No. 1,Umf,IMSS-JAL,Imss,America/Mexico_City,3\n" +
            "HGZ-JAL-014,,Hgz,IMSS-JAL,Imss,America/Mexico_City,6\n",
            ModulesHeader + "MOD-HGZ-JAL-014-A,HGZ-JAL-014,Módulo de Atención\n",
            AgentsHeader + "AG-0001,HGZ-JAL-014,MOD-HGZ-JAL-014-A,Ana Sofía Ramírez\n");

        Assert.Equal([("regions.csv", 2, "timeZone"), ("units.csv", 3, "name")], Where(result));
    }

    [Fact]
    public void Read_HeaderMissingColumn_ReportsOneErrorAtLineOne()
    {
        var result = Read(
            "code,name,timeZone\nIMSS-JAL,OOAD Jalisco,America/Mexico_City\n",
            UnitsHeader + "UMF-JAL-001,UMF No. 1,Umf,IMSS-JAL,Imss,America/Mexico_City,3\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("regions.csv", 1, "institution"), (error.File, error.Line, error.Column));
        Assert.Null(result.Catalogue);
    }

    [Fact]
    public void Read_SemicolonSeparatedFile_ReportsMissingColumnsWithHint()
    {
        var result = Read(
            "code;name;institution;timeZone\nIMSS-JAL;OOAD Jalisco;Imss;America/Mexico_City\n",
            UnitsHeader);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("regions.csv", 1, "code,name,institution,timeZone"), (error.File, error.Line, error.Column));
        Assert.Contains("not semicolons", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderInOtherCaseAndOrderWithExtraColumn_ReadsColumnsByName()
    {
        var result = Read(
            "TimeZone,CODE,Institution,Name,notes\r\nAmerica/Lima,ESSALUD-REB,essalud,Red Prestacional Rebagliati,sede Jesús María\r\n",
            "regioncode,code,name,type,institution,timezone\r\nESSALUD-REB,POL-REB-PB,Policlínico Pablo Bermúdez,Policlinico,EsSalud,america/lima\r\n");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(new Region("ESSALUD-REB", "Red Prestacional Rebagliati", Institution.EsSalud, "America/Lima"), Assert.Single(result.Catalogue!.Regions));
        Assert.Equal(
            new Unit("POL-REB-PB", "Policlínico Pablo Bermúdez", UnitType.Policlinico, "ESSALUD-REB", Institution.EsSalud, "America/Lima", 1),
            Assert.Single(result.Catalogue.Units));
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_ReadsFirstColumn()
    {
        var result = Read("\uFEFF" + TwoRegions, "\uFEFF" + UnitsHeader);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(["IMSS-JAL", "ESSALUD-REB"], result.Catalogue!.Regions.Select(r => r.Code));
    }

    [Fact]
    public void Read_EmptyRegionsFile_ReportsMissingHeader()
    {
        var result = Read("", UnitsHeader);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("regions.csv", 1, ""), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Read_ModulesAndAgentsNull_ReturnsEmptyLists()
    {
        var result = Read(TwoRegions, UnitsHeader + "UMF-JAL-001,UMF No. 1,Umf,IMSS-JAL,Imss,America/Mexico_City,3\n");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Single(result.Catalogue!.Units);
        Assert.Empty(result.Catalogue.Modules);
        Assert.Empty(result.Catalogue.Agents);
    }

    [Fact]
    public void Read_ExistingCatalogue_AllowsReferencesToKnownRegionsAndReturnsOnlyFileRows()
    {
        var existing = new CatalogueSnapshot(
            [new Region("IMSS-NL", "OOAD Nuevo León", Institution.Imss, "America/Monterrey")],
            [new Unit("UMAE-NL-025", "UMAE No. 25", UnitType.Umae, "IMSS-NL", Institution.Imss, "America/Monterrey", 9)],
            [new Module("MOD-UMAE-NL-025-A", "UMAE-NL-025", "Módulo de Atención UMAE 25")],
            []);

        var result = Read(
            RegionsHeader,
            UnitsHeader + "UMF-NL-028,\"UMF No. 28, Monterrey\",Umf,IMSS-NL,Imss,America/Monterrey,4\n",
            ModulesHeader + "MOD-UMF-NL-028-A,UMF-NL-028,Módulo de Atención UMF 28\n",
            AgentsHeader + "AG-0100,UMAE-NL-025,MOD-UMAE-NL-025-A,Luis Fernando Garza Treviño\n",
            existing);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Empty(result.Catalogue!.Regions);
        Assert.Equal(["UMF-NL-028"], result.Catalogue.Units.Select(u => u.Code));
        Assert.Equal(["MOD-UMF-NL-028-A"], result.Catalogue.Modules.Select(m => m.Code));
        Assert.Equal(["AG-0100"], result.Catalogue.Agents.Select(a => a.Id));
    }

    [Fact]
    public void Read_KnownRegionWithoutExistingCatalogue_ReportsMissingRegion()
    {
        var result = Read(RegionsHeader, UnitsHeader + "UMF-NL-028,UMF No. 28,Umf,IMSS-NL,Imss,America/Monterrey,4\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("units.csv", 2, "regionCode"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Read_UnitInstitutionDiffersFromRegion_ReportsInstitution()
    {
        var result = Read(TwoRegions, UnitsHeader + "HN-REB-001,Hospital Nacional Edgardo Rebagliati Martins,HospitalNacional,ESSALUD-REB,Imss,America/Lima,10\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("units.csv", 2, "institution"), (error.File, error.Line, error.Column));
        Assert.Contains("EsSalud", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnquotedCommaInName_ReportsTheRowOnce()
    {
        var result = Read(
            TwoRegions,
            UnitsHeader + "UMF-JAL-001,UMF No. 1, Guadalajara Centro,Umf,IMSS-JAL,Imss,America/Mexico_City,3\n",
            ModulesHeader + "MOD-UMF-JAL-001-A,UMF-JAL-001,Módulo de Atención\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("units.csv", 2, ""), (error.File, error.Line, error.Column));
        Assert.Contains("double quotes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CodesDifferingOnlyInCase_ReportsDuplicateAndCaseMismatch()
    {
        var result = Read(
            TwoRegions,
            UnitsHeader +
            "UMF-JAL-001,UMF No. 1,Umf,IMSS-JAL,Imss,America/Mexico_City,3\n" +
            "umf-jal-001,UMF No. 1 (otra),Umf,imss-jal,Imss,America/Mexico_City,3\n");

        Assert.Equal([("units.csv", 3, "code"), ("units.csv", 3, "regionCode")], Where(result));
        Assert.Contains("line 2 as 'UMF-JAL-001'", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("there is 'IMSS-JAL'", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "out of range")]
    [InlineData("1001", "out of range")]
    [InlineData("2.5", "not a whole number")]
    [InlineData("grande", "not a whole number")]
    public void Read_SizeOutsideOneToThousand_ReportsSize(string size, string expected)
    {
        var result = Read(TwoRegions, UnitsHeader + $"UMF-JAL-001,UMF No. 1,Umf,IMSS-JAL,Imss,America/Mexico_City,{size}\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("units.csv", 2, "size"), (error.File, error.Line, error.Column));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidValues_ReportsEachColumnOfTheRow()
    {
        var result = Read(
            RegionsHeader + "IMSS JAL,,Salud,Central Standard Time (Mexico)\n",
            UnitsHeader + $"UMF-JAL-001,{new string('x', 201)},Clinica,IMSS-JAL,Imss,America/Mexico_City,3\n");

        Assert.Equal(
            [
                ("regions.csv", 2, "code"),
                ("regions.csv", 2, "name"),
                ("regions.csv", 2, "institution"),
                ("regions.csv", 2, "timeZone"),
                ("units.csv", 2, "name"),
                ("units.csv", 2, "type"),
                ("units.csv", 2, "regionCode"),
            ],
            Where(result));
        Assert.Contains("America/Mexico_City", result.Errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ErrorsInEveryFile_SortedByFileThenLine()
    {
        var result = Read(
            TwoRegions + "IMSS-NL,OOAD Nuevo León,Imss,\n",
            UnitsHeader +
            "UMF-JAL-001,UMF No. 1,Umf,IMSS-JAL,Imss,America/Mexico_City,3\n" +
            "HGZ-JAL-014,Hospital General de Zona No. 14,Hgz,IMSS-JAL,Imss,America/Mexico_City,-6\n",
            ModulesHeader + "MOD-X-A,UMF-XXX-999,Módulo\n",
            AgentsHeader + "AG-0001,UMF-JAL-001,MOD-NADA,Ana Sofía Ramírez\nAG-0001,UMF-JAL-001,,Ana Sofía Ramírez\n");

        Assert.Equal(
            [
                ("regions.csv", 4, "timeZone"),
                ("units.csv", 3, "size"),
                ("modules.csv", 2, "unitCode"),
                ("agents.csv", 2, "moduleCode"),
                ("agents.csv", 3, "id"),
                ("agents.csv", 3, "moduleCode"),
            ],
            Where(result));
    }
}
