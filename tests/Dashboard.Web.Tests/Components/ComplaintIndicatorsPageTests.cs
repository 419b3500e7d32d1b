using Bunit;
using Dashboard.Core.Access;
using Dashboard.Core.Indicators;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Indicators;
using Dashboard.Web.Tests.Indicators;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Components;

public sealed class ComplaintIndicatorsPageTests : PageTestContext
{
    private readonly ComplaintsByDay _reader = new(ComplaintIndicatorsTests.Months([.. ComplaintIndicatorsTests.Ordinary, 30]));

    private readonly VolumesInMemory _volumes = new();

    public ComplaintIndicatorsPageTests()
    {
        Services.AddSingleton<IComplaintReader>(_reader);
        Services.AddSingleton<IAttentionVolumeStore>(_volumes);
        Services.AddSingleton(TestCatalogue.Create());
        Services.AddSingleton<TimeProvider>(new FixedClock(ComplaintIndicatorsTests.Now));
        Services.AddSingleton<ComplaintIndicators>();
        Services.AddSingleton<AttentionVolumeService>();
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void Render_AUnitWithEveryMonthsVolume_SaysTasaAndChartsTheRate()
    {
        var unit = TableroFactory.JaliscoUnit;
        _volumes.Add(unit.Code, new DateOnly(2024, 12, 1), [.. Enumerable.Repeat(5_000, 24)]);
        Navigation.NavigateTo($"/indicadores/quejas?region={unit.RegionCode}&unidad={unit.Code}");

        var cut = Render<ComplaintIndicatorsPage>();

        Assert.Equal(unit.Code, _reader.Asked!.UnitCode);
        Assert.StartsWith("Tasa por 10 000 atenciones", cut.Find("[data-testid=complaints-measure]").TextContent, StringComparison.Ordinal);
        // 30 complaints over 5,000 attentions: 60 per 10,000, against a baseline mean of 22.
        Assert.Contains("hubo 60.00 quejas por 10 000 atenciones", cut.Find("[data-testid=complaints-sentence]").TextContent, StringComparison.Ordinal);
        var table = cut.Find("[data-testid=complaints-table]");
        Assert.Contains("Atenciones", table.QuerySelector("thead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("5,000", table.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnitsWithoutVolumes_SaysNumeroDeQuejasAndWhichVolumesAreMissing()
    {
        var unit = TableroFactory.JaliscoUnit;
        var region = TableroFactory.Catalogue.Units.Count(u => u.RegionCode == unit.RegionCode);
        _volumes.Add(unit.Code, new DateOnly(2024, 12, 1), [.. Enumerable.Repeat(5_000, 24)]);
        Navigation.NavigateTo($"/indicadores/quejas?region={unit.RegionCode}");

        var cut = Render<ComplaintIndicatorsPage>();

        var measure = cut.Find("[data-testid=complaints-measure]").TextContent;
        Assert.StartsWith("Número de quejas", measure, StringComparison.Ordinal);
        Assert.Contains($"faltan volúmenes de atención de {region - 1} unidades en nov 2026", measure, StringComparison.Ordinal);
        Assert.Contains("hubo 30 quejas (", cut.Find("[data-testid=complaints-sentence]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Atenciones", cut.Find("[data-testid=complaints-table] thead").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Weeks_CountsAndSaysVolumesAreMonthly()
    {
        Navigation.NavigateTo("/indicadores/quejas?periodo=semana");

        var cut = Render<ComplaintIndicatorsPage>();

        Assert.Contains("los volúmenes de atención son mensuales", cut.Find("[data-testid=complaints-measure]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Weeks_TheAxisNamesEachWeekByItsMondayAlone_TheTooltipsSayWeek()
    {
        Navigation.NavigateTo("/indicadores/quejas?periodo=semana");

        var cut = Render<ComplaintIndicatorsPage>();

        // "semana del 23 nov 2026" under each label was wider than the space between two labels.
        var labels = cut.FindAll("[data-testid=complaints-chart] [data-testid=axis-label]").Select(l => l.TextContent).ToArray();
        Assert.InRange(labels.Length, 2, 8);
        Assert.All(labels, l => Assert.Equal(DayOfWeek.Monday,
            DateOnly.ParseExact(l, "d MMM yyyy", System.Globalization.CultureInfo.CurrentCulture).DayOfWeek));
        Assert.All(cut.FindAll("[data-testid=complaints-chart] circle title"), t => Assert.StartsWith("semana del ", t.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_FiltersInTheAddress_SameChartOnReload()
    {
        var unit = TableroFactory.JaliscoUnit;
        Navigation.NavigateTo($"/indicadores/quejas?periodo=trimestre&categoria=todas&region={unit.RegionCode}&unidad={unit.Code}&base_desde=2025-01-01&base_hasta=2025-12-31&medida=numero");

        var cut = Render<ComplaintIndicatorsPage>();

        Assert.Null(_reader.Asked!.Category);
        Assert.Equal(unit.Code, _reader.Asked.UnitCode);
        Assert.Equal(Period.Quarter, MudBlazor.Extensions.ComponentBaseWithStateExtensions.GetState(cut.FindComponent<MudBlazor.MudSelect<Period>>().Instance, x => x.Value));
        Assert.Equal(ComplaintMeasure.Count, MudBlazor.Extensions.ComponentBaseWithStateExtensions.GetState(cut.FindComponent<MudBlazor.MudSelect<ComplaintMeasure>>().Instance, x => x.Value));
        Assert.StartsWith("Número de quejas", cut.Find("[data-testid=complaints-measure]").TextContent, StringComparison.Ordinal);
        Assert.Equal(4, cut.Find("[data-testid=complaints-table]").QuerySelectorAll("tbody tr").Count(r => r.TextContent.Contains("línea base", StringComparison.Ordinal)));
    }

    [Fact]
    public void Click_AWorseningUnit_TheAddressNamesItAndALinkToItShowsTheSameChart()
    {
        var unit = TableroFactory.Catalogue.Units.First(u => u.RegionCode == "IMSS-JAL");
        _reader.Units = [.. ComplaintIndicatorsTests.Months([.. ComplaintIndicatorsTests.Ordinary, 30]).Select(d => new UnitDayComplaints(unit.Code, d.Day, d.Count))];
        var cut = Render<ComplaintIndicatorsPage>();

        cut.Find("[data-testid=worsening-unit]").Click();

        cut.WaitForAssertion(() => Assert.Equal(unit.Code, _reader.Asked!.UnitCode));
        var link = Navigation.Uri;
        Assert.EndsWith($"/indicadores/quejas?region=IMSS-JAL&unidad={unit.Code}", link, StringComparison.Ordinal);
        _reader.Replace(ComplaintIndicatorsTests.Months([.. ComplaintIndicatorsTests.Ordinary, 30]));
        var shared = Render<ComplaintIndicatorsPage>();
        Assert.Equal(unit.Code, _reader.Asked!.UnitCode);
        Assert.Equal(cut.Find("[data-testid=complaints-sentence]").TextContent, shared.Find("[data-testid=complaints-sentence]").TextContent);
    }

    [Fact]
    public async Task Import_AFileWithABadRow_ListsItAndStoresNothing_ThenAGoodFileIsStored()
    {
        var unit = TableroFactory.JaliscoUnit;
        var cut = Render<ComplaintIndicatorsPage>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText($"unidad,mes,atenciones\n{unit.Code},2026-10,5000\n{unit.Code},octubre,5000\n", "atenciones.csv"));

        cut.WaitForAssertion(() => Assert.Contains("Línea 3, columna mes", cut.Find("[data-testid=volume-import-errors]").TextContent, StringComparison.Ordinal));
        Assert.Empty(await _volumes.ReadAsync(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 1), ReadScope.All, cancellationToken: Xunit.TestContext.Current.CancellationToken));
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText($"unidad,mes,atenciones\n{unit.Code},2026-10,5000\n{unit.Code},2026-11,5100\n", "atenciones.csv"));
        cut.WaitForAssertion(() => Assert.Contains("Se guardaron 2", cut.Find("[data-testid=volume-import-done]").TextContent, StringComparison.Ordinal));
        Assert.Contains(AuditLog.Entries, e => e.Detail == "attention volumes: 2 stored");
    }

    [Fact]
    public void Render_NotAnAdministrator_NoVolumeImport()
    {
        SignInAs(Role.Director, ReadScope.ForRegion("IMSS-JAL"));

        var cut = Render<ComplaintIndicatorsPage>();

        Assert.Empty(cut.FindAll("[data-testid=volume-import]"));
    }

    [Fact]
    public void Render_SpikeInTheLastMonth_SaysDeteriorationInOrangeAndInWords()
    {
        var cut = Render<ComplaintIndicatorsPage>();

        Assert.Equal("Quejas frente a su línea base", cut.Find("h1").TextContent);
        var sentence = cut.Find("[data-testid=complaints-sentence]").TextContent;
        Assert.Contains("hubo 30 quejas", sentence, StringComparison.Ordinal);
        Assert.Contains("causa especial de deterioro", sentence, StringComparison.Ordinal);
        Assert.Contains("+173 %", sentence, StringComparison.Ordinal); // (30 − 11) / 11
        var points = cut.FindAll("[data-testid=complaints-chart] circle");
        Assert.Equal(24, points.Count);
        Assert.Equal("#ED8B00", points[^1].GetAttribute("fill"));
        Assert.All(points.Take(23), p => Assert.Equal("#7F7F7F", p.GetAttribute("fill")));
        // The table, newest first: November's count, its change and its reading in words.
        var first = cut.Find("[data-testid=complaints-table] tbody tr").TextContent;
        Assert.Contains("30", first, StringComparison.Ordinal);
        Assert.Contains("Por encima del límite superior", first, StringComparison.Ordinal);
        // Mal trato first; no internal code in what the page shows (the download links' addresses may carry it).
        Assert.Equal("mistreatment", _reader.Asked!.Category);
        var shown = string.Concat(cut.Nodes.Select(n => n.TextContent));
        Assert.DoesNotContain("mistreatment", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("AboveUpperLimit", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AUnitWorsening_ListedAndItsChartOneClickAway()
    {
        var unit = TableroFactory.Catalogue.Units.First(u => u.RegionCode == "IMSS-JAL");
        _reader.Units = [.. ComplaintIndicatorsTests.Months([.. ComplaintIndicatorsTests.Ordinary, 30]).Select(d => new UnitDayComplaints(unit.Code, d.Day, d.Count))];

        var cut = Render<ComplaintIndicatorsPage>();

        Assert.Contains(unit.Name, cut.Find("[data-testid=worsening-units]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=worsening-unit]").Click();
        cut.WaitForAssertion(() => Assert.Equal(unit.Code, _reader.Asked!.UnitCode));
        Assert.Empty(cut.FindAll("[data-testid=worsening-units]"));
    }

    [Fact]
    public void Render_NoUnitWorsening_SaysSo()
    {
        var cut = Render<ComplaintIndicatorsPage>();

        Assert.NotEmpty(cut.FindAll("[data-testid=worsening-none]"));
    }

    [Fact]
    public void Render_EsSaludViewer_SaysReclamos()
    {
        SignInAs(Role.Director, ReadScope.ForInstitution("EsSalud"));

        var cut = Render<ComplaintIndicatorsPage>();

        Assert.Equal("Reclamos frente a su línea base", cut.Find("h1").TextContent);
        Assert.Contains("30 reclamos", cut.Find("[data-testid=complaints-sentence]").TextContent, StringComparison.Ordinal);
        Assert.Equal(ReadScope.ForInstitution("EsSalud"), _reader.AskedScope);
    }

    [Fact]
    public void Render_OrdinaryLastMonth_SaysUsualVariation()
    {
        _reader.Replace(ComplaintIndicatorsTests.Months([.. ComplaintIndicatorsTests.Ordinary, 12]));

        var cut = Render<ComplaintIndicatorsPage>();

        Assert.Contains("dentro de la variación habitual", cut.Find("[data-testid=complaints-sentence]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=complaints-provisional]"));
    }
}
