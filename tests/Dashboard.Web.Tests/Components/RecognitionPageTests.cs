using Bunit;
using Dashboard.Core.Cases;
using Dashboard.Core.Live;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Components;

public sealed class RecognitionPageTests : PageTestContext
{
    private readonly ComplimentStore _store = new();
    private readonly InProcessLiveFeed _feed = new(NullLogger<InProcessLiveFeed>.Instance, TestCatalogue.Create());

    public RecognitionPageTests()
    {
        Services.AddCaseReaders(_store);
        Services.AddSingleton<ILiveFeed>(_feed);
        Services.AddSingleton(TestCatalogue.Create());
    }

    private static readonly Core.Catalogue.Agent Agent = TableroFactory.Catalogue.Agents[0];

    [Fact]
    public void Render_RanksPraisedPeople_TecnicaByCatalogueName_OthersByNameAndRole()
    {
        var cut = Render<RecognitionPage>();

        Assert.Equal("Muro de Trato Digno", cut.Find("h1").TextContent);
        var ranking = cut.Find("[data-testid=recognition-ranking]").TextContent;
        Assert.Contains(Agent.Name, ranking, StringComparison.Ordinal);
        Assert.Contains("Técnica de atención", ranking, StringComparison.Ordinal);
        Assert.Contains("María José López", ranking, StringComparison.Ordinal);
        Assert.Contains("Enfermería", ranking, StringComparison.Ordinal);
        Assert.Contains(TableroFactory.Catalogue.Units.First(u => u.Code == Agent.UnitCode).Name, ranking, StringComparison.Ordinal);
        Assert.DoesNotContain("nursing", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CountsComplimentsNamingNobody_AsSinPersonaIdentificada()
    {
        var cut = Render<RecognitionPage>();

        Assert.Equal("3", cut.Find("[data-testid=recognition-unidentified]").TextContent);
        Assert.Contains("sin persona identificada", cut.Find("[data-testid=recognition-unidentified-note]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Sin persona identificada", cut.Find("[data-testid=recognition-latest]").TextContent, StringComparison.Ordinal);
        Assert.Contains("OOAD / Red", cut.Markup, StringComparison.Ordinal);
        Assert.Contains(TableroFactory.Catalogue.Regions.First(r => r.Code == "IMSS-JAL").Name, cut.Find("[data-testid=recognition-regions]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PeriodInTheLink_IsReadForTheScope_AndAskedOfTheReader()
    {
        SignInAs(Core.Access.Role.Director, ReadScope.ForRegion("IMSS-JAL"));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/reconocimientos?periodo=7d");

        var cut = Render<RecognitionPage>();

        var (scope, from, to) = _store.Asked!.Value;
        Assert.Equal(ReadScope.ForRegion("IMSS-JAL"), scope);
        Assert.Equal(TimeSpan.FromDays(7), to - from);
        Assert.Contains("Últimos 7 días", cut.Find("[data-testid=period]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Muro de Trato Digno", cut.Find("h1").TextContent);
        // A region's reader sees her units, not a table of regions.
        Assert.Empty(cut.FindAll("[data-testid=recognition-regions]"));
    }

    [Fact]
    public void DatesInTheLink_EndBeforeTheyStart_ShowTheMessageBesideTheField()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/reconocimientos?desde=2026-11-30&hasta=2026-11-01");

        var cut = Render<RecognitionPage>();

        Assert.Contains("La fecha final es anterior a la inicial.", cut.Find("[data-testid=period-to]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(_store.Asked);
    }

    [Fact]
    public void NewCompliment_OnTheFeed_RisesTheCount()
    {
        var cut = Render<RecognitionPage>();

        _store.Count = 8;
        _feed.Publish([new LiveCaseEvent(1, Guid.NewGuid(), "FL-1", CaseEventType.CaseOpened, DateTimeOffset.UtcNow, "IMSS-JAL", Agent.UnitCode, CaseStatus.Assigned, false, Priority.Low, 0)]);

        cut.WaitForAssertion(() => Assert.Contains("8", cut.Find("[data-testid=recognition-ranking] tr:first-child td:last-child").TextContent, StringComparison.Ordinal));
    }

    private sealed class ComplimentStore : CaseReadersStub
    {
        public volatile int Count = 7;

        public (ReadScope Scope, DateTimeOffset From, DateTimeOffset To)? Asked { get; private set; }

        public override Task<RecognitionBoard> ReadRecognitionAsync(ReadScope scope, DateTimeOffset from, DateTimeOffset to, int limit, bool agentsOnly = false, CancellationToken cancellationToken = default)
        {
            Asked = (scope, from, to);
            var at = DateTimeOffset.UtcNow;
            return Task.FromResult(new RecognitionBoard(
                [
                    new PraisedCount(Agent.UnitCode, "IMSS-JAL", Agent.Id, null, null, Count, at),
                    new PraisedCount(Agent.UnitCode, "IMSS-JAL", null, "María José López", "nursing", 2, at),
                ],
                [new ComplimentTotals(Agent.UnitCode, Count + 5, 3)],
                [new ComplimentTotals("IMSS-JAL", Count + 5, 3)],
                [new ComplimentEntry("FL-1", Agent.UnitCode, new PraisedStaff(AgentId: Agent.Id), at), new ComplimentEntry("FL-2", Agent.UnitCode, null, at.AddMinutes(-5))]));
        }
    }
}
