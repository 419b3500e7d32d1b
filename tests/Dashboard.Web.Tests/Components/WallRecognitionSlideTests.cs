using Bunit;
using Dashboard.Core.Cases;
using Dashboard.Core.Live;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Live;
using Dashboard.Web.Recognition;
using Dashboard.Web.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// The recognition slide of the wall's playlist: the people praised most in the scope and period, readable across a room;
/// and on 16 November, on the wall's own calendar, IMSS walls open with the técnicas' recognition.
/// </summary>
public sealed class WallRecognitionSlideTests : PageTestContext
{
    private static readonly Core.Catalogue.Agent Tecnica = TableroFactory.Catalogue.Agents.First(a => TableroFactory.Catalogue.Units.Any(u => u.Code == a.UnitCode && u.RegionCode == "IMSS-JAL"));

    private readonly SlideStore _store = new();
    private readonly InProcessLiveFeed _feed = new(NullLogger<InProcessLiveFeed>.Instance, TestCatalogue.Create());

    public WallRecognitionSlideTests()
    {
        Services.AddCaseReaders(_store);
        Services.AddSingleton<ILiveFeed>(_feed);
        Services.AddSingleton(TestCatalogue.Create());
        Services.AddSingleton<RecognitionWallCache>();
        Services.AddSingleton(sp => new WallBoard(_store, _store, new EventLogStub(), _feed, sp.GetRequiredService<Dashboard.Web.Catalogue.CatalogueService>(),
            Microsoft.Extensions.Options.Options.Create(new WallOptions()), Microsoft.Extensions.Options.Options.Create(new LiveOptions()), sp.GetRequiredService<TimeProvider>(),
            NullLogger<WallBoard>.Instance, new NoCommittees()));
    }

    private FakeTimeProvider ClockAt(DateTimeOffset utc)
    {
        var clock = new FakeTimeProvider(utc);
        Services.AddSingleton<TimeProvider>(clock);
        return clock;
    }

    private void Open(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    [Fact]
    public void Playlist_RecognitionSlide_ShowsThePeoplePraisedMost_ThenTheLiveWall()
    {
        var clock = ClockAt(new DateTimeOffset(2026, 12, 4, 18, 0, 0, TimeSpan.Zero));
        Open("/wall?playlist=recognition:region:IMSS-JAL,region:IMSS-JAL&every=20");

        var cut = Render<WallPage>();

        cut.WaitForAssertion(() => Assert.Equal("Muro de Trato Digno", cut.Find("[data-testid=wall-recognition-title]").TextContent));
        var people = cut.FindAll("[data-testid=wall-recognition-people] li");
        Assert.Equal(2, people.Count);
        Assert.StartsWith(people[0].QuerySelector(".wall-praised-name")!.TextContent.TrimEnd('…'), Tecnica.Name, StringComparison.Ordinal);
        // Her unit's long name leaves no room for "Técnica de atención": the unit is what tells her apart.
        Assert.StartsWith("UMAE Hospital", people[0].QuerySelector(".wall-praised-where")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("9", people[0].QuerySelector(".wall-praised-count")!.TextContent);
        Assert.Equal("María José López", people[1].QuerySelector(".wall-praised-name")!.TextContent);
        Assert.StartsWith("Enfermería · ", people[1].QuerySelector(".wall-praised-where")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("nursing", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("4", cut.Find("[data-testid=wall-recognition-unidentified]").TextContent);
        Assert.Contains("5 nov – 4 dic 2026", cut.Find(".wall-recog-period").TextContent, StringComparison.Ordinal);
        // Four panels, as the live wall: what WallFitTests measures.
        Assert.Equal(4, cut.FindAll("[data-wall-panel]").Count);
        var (scope, from, to, agentsOnly) = _store.Asked.Last();
        Assert.Equal((ReadScope.ForRegion("IMSS-JAL"), TimeSpan.FromDays(30), false), (scope, to - from, agentsOnly));

        clock.Advance(TimeSpan.FromSeconds(20));
        cut.WaitForAssertion(() => Assert.Equal("1,204", cut.Find("[data-testid=wall-open]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=wall-recognition]"));
    }

    [Fact]
    public void SixteenNovember_InTheWallsZone_AnImssWallOpensWithTheTecnicasRecognition()
    {
        // 16 November, 09:00 in Guadalajara.
        var clock = ClockAt(new DateTimeOffset(2026, 11, 16, 15, 0, 0, TimeSpan.Zero));
        var cut = Render<WallPage>(p => p.Add(x => x.WallScope, "region:IMSS-JAL"));

        cut.WaitForAssertion(() => Assert.Equal("Día de las Técnicas y los Técnicos de Atención y Orientación", cut.Find("[data-testid=wall-recognition-title]").TextContent));
        Assert.Contains("Técnicas más felicitadas · 1 ene – 16 nov 2026", cut.Find(".wall-recog-period").TextContent, StringComparison.Ordinal);
        Assert.True(_store.Asked.Last().AgentsOnly);

        // Then the wall it was asked for, and the técnicas again when the playlist comes round.
        clock.Advance(TimeSpan.FromSeconds(WallPage.DefaultRotationSeconds));
        cut.WaitForAssertion(() => Assert.Equal("1,204", cut.Find("[data-testid=wall-open]").TextContent.Trim()));
        clock.Advance(TimeSpan.FromSeconds(WallPage.DefaultRotationSeconds));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=wall-recognition]")));
    }

    [Fact]
    public void SixteenNovember_InUtc_StillTheFifteenthInMexico_TheWallOpensAsUsual()
    {
        // 05:00 UTC on the 16th is 23:00 of the 15th in Guadalajara.
        ClockAt(new DateTimeOffset(2026, 11, 16, 5, 0, 0, TimeSpan.Zero));
        var cut = Render<WallPage>(p => p.Add(x => x.WallScope, "region:IMSS-JAL"));

        cut.WaitForAssertion(() => Assert.Equal("1,204", cut.Find("[data-testid=wall-open]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=wall-recognition]"));
        Assert.Empty(_store.Asked);
    }

    [Fact]
    public void SixteenNovember_AnEsSaludWall_OpensAsUsual()
    {
        ClockAt(new DateTimeOffset(2026, 11, 16, 15, 0, 0, TimeSpan.Zero));
        var cut = Render<WallPage>(p => p.Add(x => x.WallScope, "institution:ESSALUD"));

        cut.WaitForAssertion(() => Assert.Equal("1,204", cut.Find("[data-testid=wall-open]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=wall-recognition]"));
    }

    [Fact]
    public void TheDayComes_WhileTheWallRuns_ItTurnsToTheTecnicas()
    {
        // 15 November, 23:59:50 in Guadalajara: a TV left on overnight.
        var clock = ClockAt(new DateTimeOffset(2026, 11, 16, 5, 59, 50, TimeSpan.Zero));
        var cut = Render<WallPage>(p => p.Add(x => x.WallScope, "region:IMSS-JAL"));
        cut.WaitForAssertion(() => Assert.Equal("1,204", cut.Find("[data-testid=wall-open]").TextContent.Trim()));

        clock.Advance(TimeSpan.FromSeconds(WallPage.DefaultRotationSeconds));

        cut.WaitForAssertion(() => Assert.Equal("Día de las Técnicas y los Técnicos de Atención y Orientación", cut.Find("[data-testid=wall-recognition-title]").TextContent));
    }

    private sealed class SlideStore : CaseReadersStub
    {
        public List<(ReadScope Scope, DateTimeOffset From, DateTimeOffset To, bool AgentsOnly)> Asked { get; } = [];

        public override Task<RecognitionBoard> ReadRecognitionAsync(ReadScope scope, DateTimeOffset from, DateTimeOffset to, int limit, bool agentsOnly = false, CancellationToken cancellationToken = default)
        {
            lock (Asked)
            {
                Asked.Add((scope, from, to, agentsOnly));
            }

            var unit = Tecnica.UnitCode;
            return Task.FromResult(new RecognitionBoard(
                [new PraisedCount(unit, "IMSS-JAL", Tecnica.Id, null, null, 9, to.AddHours(-3)), new PraisedCount(unit, "IMSS-JAL", null, "María José López", "nursing", 3, to.AddHours(-5))],
                [new ComplimentTotals(unit, 16, 4)],
                [new ComplimentTotals("IMSS-JAL", 16, 4)],
                [new ComplimentEntry("FL-1", unit, new PraisedStaff(AgentId: Tecnica.Id), to.AddHours(-3))]));
        }

        public override Task<WallSnapshot> ReadWallAsync(ReadScope scope, DateTimeOffset todayStart, DateTimeOffset tomorrowStart, int listLength, CancellationToken cancellationToken = default) =>
            Task.FromResult(new WallSnapshot(new OpenCaseCounts(1204, 87, 12, 31, 9, 4, 2, 1), TimeSpan.FromMinutes(12), [], [], [], [], []));

        public override Task<WallFigures> ReadFiguresAtAsync(ReadScope scope, DateTimeOffset at, DateTimeOffset dayStart, CancellationToken cancellationToken = default) =>
            Task.FromResult(new WallFigures(1204, 87, 12, 31, 9, TimeSpan.FromMinutes(12), new SlaCompliance(91, 100)));
    }
}
