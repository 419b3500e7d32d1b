using Dashboard.Web.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Catalogue;

public sealed class CatalogueImportCommandTests(TableroFactory factory) : IClassFixture<TableroFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tablero-import-").FullName;

    private void Write(string file, string content) => File.WriteAllText(Path.Combine(_folder, file), content);

    [Fact]
    public async Task Run_ValidFiles_AddsUnitsToTheLiveCatalogue()
    {
        Write("regions.csv", "code,name,institution,timeZone\nIMSS-JAL,OOAD Jalisco,Imss,America/Mexico_City\n");
        Write("units.csv", "code,name,type,regionCode,institution,timeZone,size\nUMF-JAL-901,\"UMF No. 901 Zapopan, Jal.\",Umf,IMSS-JAL,Imss,America/Mexico_City,3\n");
        Write("modules.csv", "code,unitCode,name\nMOD-UMF-JAL-901-1,UMF-JAL-901,Módulo de Atención y Orientación 1\n");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await CatalogueImportCommand.RunAsync(factory.Services, ["import-catalogue", _folder], output, errors);

        Assert.Equal(0, exit);
        Assert.Contains("imported 1 regions, 1 units, 1 modules, 0 agents", output.ToString());
        var unit = factory.Services.GetRequiredService<CatalogueService>().Current.FindUnit("UMF-JAL-901");
        Assert.NotNull(unit);
        Assert.Equal("UMF No. 901 Zapopan, Jal.", unit.Name);
    }

    [Fact]
    public async Task Run_RowErrors_PrintsEveryOneAndStoresNothing()
    {
        Write("regions.csv", "code,name,institution,timeZone\nIMSS-ZZZ,OOAD Prueba,Imss,America/Guadalajara\n");
        Write("units.csv", "code,name,type,regionCode,institution,timeZone,size\nUMF-ZZZ-001,UMF No. 1,Umf,IMSS-ZZZ,Imss,America/Mexico_City,grande\nUMF-ZZZ-002,UMF No. 2,Clinica,IMSS-ZZZ,Imss,America/Mexico_City,2\n");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await CatalogueImportCommand.RunAsync(factory.Services, ["import-catalogue", _folder], output, errors);

        Assert.Equal(1, exit);
        var printed = errors.ToString();
        Assert.Contains("regions.csv:2", printed);
        Assert.Contains("units.csv:2", printed);
        Assert.Contains("units.csv:3", printed);
        Assert.Contains("nothing was imported", printed);
        Assert.Null(factory.Services.GetRequiredService<CatalogueService>().Current.FindUnit("UMF-ZZZ-002"));
        await factory.Services.GetRequiredService<CatalogueService>().ReloadAsync(TestContext.Current.CancellationToken);
        Assert.Null(factory.Services.GetRequiredService<CatalogueService>().Current.FindRegion("IMSS-ZZZ"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
