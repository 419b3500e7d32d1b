using Bunit;
using Dashboard.Core.Cases;
using Dashboard.Core.Live;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Live;
using Dashboard.Web.Wall;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Components;

public sealed class WallPageTests : PageTestContext
{
    private readonly WallStore _store = new();
    private readonly InProcessLiveFeed _feed = new(NullLogger<InProcessLiveFeed>.Instance);
    private EventLogStub _log = new();

    public WallPageTests()
    {
        Services.AddCaseReaders(_store);
        Services.AddSingleton<ILiveFeed>(_feed);
        Services.AddSingleton(TestCatalogue.Create());
        Services.AddSingleton(sp => new WallBoard(_store, _log, _feed, sp.GetRequiredService<Dashboard.Web.Catalogue.CatalogueService>(), Microsoft.Extensions.Options.Options.Create(new WallOptions()), Microsoft.Extensions.Options.Options.Create(new LiveOptions()), sp.GetRequiredService<TimeProvider>(), NullLogger<WallBoard>.Instance));
    }

    private static LiveCaseEvent Event(long sequence, CaseEventType type = CaseEventType.CaseOpened) =>
        new(sequence, Guid.NewGuid(), $"QJ-{sequence}", type, DateTimeOffset.UtcNow, "IMSS-JAL", TableroFactory.JaliscoUnit.Code, CaseStatus.New, true, Priority.High, 0);

    [Fact]
    public void Render_ShowsTheBigNumbersAndTheRankingInSpanish()
    {
        var cut = Render<WallPage>();

        cut.WaitForAssertion(() => Assert.Equal("1,204", cut.Find("[data-testid=wall-open]").TextContent.Trim()));
        Assert.Equal("Nacional", cut.Find("[data-testid=wall-scope]").TextContent.Trim());
        Assert.Equal("31", cut.Find("[data-testid=wall-overdue]").TextContent.Trim());
        Assert.Equal("12 min", cut.Find("[data-testid=wall-median]").TextContent.Trim());
        Assert.Contains(TableroFactory.JaliscoUnit.Name, cut.Find("[data-testid=wall-ranking]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedEvents_MoveTheNumbersAndTheTicker()
    {
        var cut = Render<WallPage>();
        cut.WaitForAssertion(() => Assert.Equal("31", cut.Find("[data-testid=wall-overdue]").TextContent.Trim()));

        _store.Overdue = 32;
        _feed.Publish([Event(1, CaseEventType.SlaBreached)]);

        cut.WaitForAssertion(() => Assert.Equal("32", cut.Find("[data-testid=wall-overdue]").TextContent.Trim()));
        Assert.Contains("Vencido · QJ-1", cut.Find("[data-testid=wall-ticker]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenedAtAQuietMoment_TheTickerShowsTheLatestEventsOfItsScopeFromTheLog()
    {
        // Twenty events in the log, the last one in another region: the wall of Jalisco shows its own latest six.
        _log = new EventLogStub([.. Enumerable.Range(1, 19).Select(i => Stored(i, "IMSS-JAL")), Stored(20, "IMSS-NL")]);

        var cut = Render<WallPage>(p => p.Add(w => w.WallScope, "region:IMSS-JAL"));

        cut.WaitForAssertion(() => Assert.Equal(["QJ-19", "QJ-18", "QJ-17", "QJ-16", "QJ-15", "QJ-14"], TickerCases(cut)));

        // A live event joins it without repeating what the log gave.
        _feed.Publish([Event(21)]);
        cut.WaitForAssertion(() => Assert.Equal(["QJ-21", "QJ-19", "QJ-18", "QJ-17", "QJ-16", "QJ-15"], TickerCases(cut)));
    }

    private static string[] TickerCases(IRenderedComponent<WallPage> cut) =>
        cut.FindAll("[data-testid=wall-ticker] .wall-tick").Select(t => t.TextContent.Split(" · ")[2]).ToArray();

    private static StoredCaseEvent Stored(long sequence, string region) =>
        new(sequence, Guid.NewGuid(), $"QJ-{sequence}", CaseEventType.CaseOpened, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
            region == "IMSS-JAL" ? TableroFactory.JaliscoUnit.Code : "UMF-NL-001", region, CaseStatus.New, false, Priority.Medium, 0, "{}");

    [Fact]
    public void TwoWallsOfOneScope_ShareTheReadsAndABurstIsCoalesced()
    {
        var first = Render<WallPage>();
        var second = Render<WallPage>();
        first.WaitForAssertion(() => Assert.Equal("1,204", first.Find("[data-testid=wall-open]").TextContent.Trim()));
        var readsBefore = _store.Reads;

        _store.Open = 1404;
        for (var i = 1; i <= 200; i++)
        {
            _feed.Publish([Event(i)]);
        }

        second.WaitForAssertion(() => Assert.Equal("1,404", second.Find("[data-testid=wall-open]").TextContent.Trim()));
        first.WaitForAssertion(() => Assert.Equal("1,404", first.Find("[data-testid=wall-open]").TextContent.Trim()));
        // 200 events, two walls: one board reads once per window (perhaps twice if the window closed mid-burst).
        Assert.InRange(_store.Reads - readsBefore, 1, 3);
        Assert.Equal(1, _feed.SubscriberCount);
    }

    [Fact]
    public void Playlist_ShowsEachScopeInTurn()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        Services.AddSingleton<TimeProvider>(clock);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/wall?playlist=region:IMSS-JAL,region:IMSS-NL&every=20");

        var cut = Render<WallPage>();
        cut.WaitForAssertion(() => Assert.Equal("OOAD Jalisco", cut.Find("[data-testid=wall-scope]").TextContent.Trim()));

        clock.Advance(TimeSpan.FromSeconds(20));
        cut.WaitForAssertion(() => Assert.Equal("OOAD Nuevo León", cut.Find("[data-testid=wall-scope]").TextContent.Trim()));
        Assert.Equal(1, _feed.SubscriberCount);

        clock.Advance(TimeSpan.FromSeconds(20));
        cut.WaitForAssertion(() => Assert.Equal("OOAD Jalisco", cut.Find("[data-testid=wall-scope]").TextContent.Trim()));
    }

    [Fact]
    public void LastWallClosed_TheBoardLeavesTheFeed()
    {
        var first = Render<WallPage>();
        var second = Render<WallPage>();
        first.WaitForAssertion(() => Assert.Equal(1, _feed.SubscriberCount));

        first.Instance.Dispose();
        Assert.Equal(1, _feed.SubscriberCount);
        second.Instance.Dispose();

        Assert.Equal(0, _feed.SubscriberCount);
    }

    private sealed class WallStore : CaseReadersStub
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public volatile int Open = 1204;
        public volatile int Overdue = 31;

        public override Task<WallSnapshot> ReadWallAsync(ReadScope scope, DateTimeOffset todayStart, DateTimeOffset tomorrowStart, int topUnits, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return Task.FromResult(new WallSnapshot(
                new OpenCaseCounts(Open, 87, 12, Overdue, 9, 4, 2, 1),
                TimeSpan.FromMinutes(12),
                [new UnitOverdue(TableroFactory.JaliscoUnit.Code, "IMSS-JAL", 3)],
                [new RegionOverdue("IMSS-JAL", Open, Overdue)]));
        }
    }
}
