using Bunit;
using Dashboard.Core.Cases;
using Dashboard.Core.Sla;
using Dashboard.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Components;

public sealed class CasesPageTests : PageTestContext
{
    private readonly DirectorsStore _store = new();

    public CasesPageTests()
    {
        Services.AddCaseReaders(_store);
        Services.AddSingleton(TestCatalogue.Create());
        var unit = TableroFactory.JaliscoUnit;
        _store.Cases = [new CaseState
        {
            CaseId = "QJ-1", UnitCode = unit.Code, RegionCode = unit.RegionCode, Institution = unit.Institution, Kind = CaseKind.Complaint,
            Channel = Channel.Web, Category = "waiting-time", Priority = Priority.High, Complex = true, Status = CaseStatus.Assigned,
            OpenedAt = DateTimeOffset.UtcNow.AddDays(-4), UpdatedAt = DateTimeOffset.UtcNow,
        }];
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<CasesPage> RenderAt(string uri)
    {
        Navigation.NavigateTo(uri);
        var cut = Render<CasesPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid='case-link-QJ-1']")));
        return cut;
    }

    [Fact]
    public void LinkFromANumber_ListsItsCasesWithTheirUnits()
    {
        var cut = RenderAt("/casos?region=IMSS-JAL&sla=Breached");

        var query = _store.PageQueries.Last();
        Assert.Equal(("IMSS-JAL", (string?)null, true, SlaState.Breached), (query.Filter.RegionCode, query.Filter.UnitCode, query.Open, query.SlaState));
        Assert.Equal("OOAD Jalisco", cut.Find("[data-testid=chip-region]").TextContent.Trim());
        Assert.Contains(TableroFactory.JaliscoUnit.Name, cut.Find("[data-testid=case-grid]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void BreachedTodayOfAnyStatus_AsksForEveryStatus()
    {
        RenderAt("/casos?status=all&breached=today&level=2");

        var query = _store.PageQueries.Last();
        Assert.Equal(((bool?)null, (CaseStatus?)null, true, 2), (query.Open, query.Status, query.BreachedToday, query.EscalationLevel));
        Assert.NotNull(query.Now);
    }

    [Fact]
    public void ClosingAFiltersChip_TakesItOutOfTheLink()
    {
        var cut = RenderAt("/casos?region=IMSS-JAL&sla=Breached");

        cut.Find("[data-testid=chip-region] .mud-chip-close-button").Click();

        Assert.EndsWith("/casos?sla=Breached", Navigation.Uri, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Null(_store.PageQueries.Last().Filter.RegionCode));
        Assert.Equal(SlaState.Breached, _store.PageQueries.Last().SlaState);
    }

    [Fact]
    public void ListSpanningZones_MarksEachTimeWithItsUnitsZone()
    {
        var lima = TableroFactory.Catalogue.Units.First(u => u.TimeZone == "America/Lima");
        _store.Cases = [_store.Cases[0], _store.Cases[0] with { CaseId = "RC-1", UnitCode = lima.Code, RegionCode = lima.RegionCode, Institution = lima.Institution }];

        var cut = RenderAt("/casos");

        Assert.EndsWith(" CDMX", cut.Find("[data-testid='opened-QJ-1']").TextContent, StringComparison.Ordinal);
        Assert.EndsWith(" Lima", cut.Find("[data-testid='opened-RC-1']").TextContent, StringComparison.Ordinal);
        Assert.Equal("Horas locales de cada unidad", cut.Find("[data-testid='times-note']").TextContent);
    }

    [Fact]
    public void ListInOneZone_NamesItOnceBelowInsteadOfOnEveryRow()
    {
        var cut = RenderAt("/casos");

        Assert.DoesNotContain("CDMX", cut.Find("[data-testid='opened-QJ-1']").TextContent, StringComparison.Ordinal);
        Assert.Equal("Horario: Hora del Centro (Ciudad de México)", cut.Find("[data-testid='times-note']").TextContent);
    }

    [Fact]
    public void Compliment_InTheList_ShowsWhatWasPraised()
    {
        _store.Cases = [_store.Cases[0] with { Kind = CaseKind.Compliment, Category = "mistreatment" }];

        var cut = RenderAt("/casos");

        Assert.Equal("Elogio: el trato recibido", cut.Find("[data-testid='category-QJ-1']").TextContent);
    }
}
