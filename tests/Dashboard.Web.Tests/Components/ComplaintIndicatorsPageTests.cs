using Bunit;
using Dashboard.Core.Access;
using Dashboard.Core.Indicators;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Indicators;
using Dashboard.Web.Tests.Indicators;
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
        // Mal trato first; no internal code on the page.
        Assert.Equal("mistreatment", _reader.Asked!.Category);
        Assert.DoesNotContain("mistreatment", cut.Markup, StringComparison.Ordinal);
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
