using Bunit;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Live;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Components;

public sealed class RegionsPageTests : PageTestContext
{
    private readonly FakeCaseStore _store = new();
    private readonly InProcessLiveFeed _feed = new(NullLogger<InProcessLiveFeed>.Instance, TestCatalogue.Create());

    public RegionsPageTests()
    {
        Services.AddCaseReaders(_store);
        Services.AddSingleton<ILiveFeed>(_feed);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(TestCatalogue.Create());
    }

    private static LiveCaseEvent Opened(long sequence, string region, string unit) =>
        new(sequence, Guid.NewGuid(), $"QJ-{sequence}", CaseEventType.CaseOpened, DateTimeOffset.UtcNow, region, unit, CaseStatus.New, false, Priority.High, 0);

    [Fact]
    public void ReachedInsideTheApp_ShowsALoadingBarAndDashes_NotZerosOrNoRegions_UntilItsCountsAnswer()
    {
        var held = new TaskCompletionSource();
        _store.Held = held.Task;

        var cut = Render<Regions>();

        Assert.Single(cut.FindAll("[data-testid=page-loading]"));
        Assert.Equal(("—", "—"), (cut.Find("[data-testid=total-open]").TextContent.Trim(), cut.Find("[data-testid=regions-with-open]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=no-regions]"));

        held.SetResult();

        cut.WaitForAssertion(() => Assert.Equal("1,261", cut.Find("[data-testid=total-open]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=page-loading]"));
    }

    [Fact]
    public void Render_ShowsOpenCasesPerRegionInSpanish()
    {
        var cut = Render<Regions>();

        Assert.Equal("Casos abiertos por región", cut.Find("h1").TextContent);
        Assert.Equal("1,204", cut.Find("[data-testid=open-IMSS-JAL]").TextContent.Trim());
        Assert.Equal("1,261", cut.Find("[data-testid=total-open]").TextContent.Trim());
    }

    [Fact]
    public void LiveStatus_IsOnTheViewersClockWithItsName_NeverTheServersUtc()
    {
        SignInAs(Core.Access.Role.Director, Core.Storage.ReadScope.ForRegion(TableroFactory.Catalogue.Regions.First(r => r.Institution == Core.Catalogue.Institution.EsSalud).Code));
        var lima = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Lima"));

        var cut = Render<Regions>();

        var status = cut.Find("[data-testid=live-status]").TextContent;
        Assert.Contains(" Lima", status, StringComparison.Ordinal);
        Assert.Contains(lima.ToString("HH:", System.Globalization.CultureInfo.InvariantCulture), status, StringComparison.Ordinal);
    }

    /// <summary>A full load's first half: the page rendered as HTML, its reads handed over; what renders next is the circuit.</summary>
    private void PrerenderAndHandOver()
    {
        var state = AddBunitPersistentComponentState();
        Services.AddScoped<Dashboard.Web.Components.Shared.PrerenderedReads>();
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Render<Regions>();
        state.TriggerOnPersisting();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void CircuitAfterThePrerender_DrawsWhatThePrerenderRead_WithoutReadingAgain()
    {
        PrerenderAndHandOver();
        var reads = _store.Reads;
        // A change no event announced: the circuit of the same load shows what its prerender read.
        _store.Set("IMSS-JAL", open: 1300, complex: 90);

        var cut = Render<Regions>();

        Assert.Equal("1,204", cut.Find("[data-testid=open-IMSS-JAL]").TextContent.Trim());
        Assert.Equal(reads, _store.Reads);
    }

    [Fact]
    public void CircuitAfterThePrerender_RereadsWhenEventsWereCommittedInBetween()
    {
        PrerenderAndHandOver();
        _store.Set("IMSS-JAL", open: 1205, complex: 88);
        _feed.Publish([Opened(1, "IMSS-JAL", "UMF-JAL-023")]);

        var cut = Render<Regions>();

        cut.WaitForAssertion(() => Assert.Equal("1,205", cut.Find("[data-testid=open-IMSS-JAL]").TextContent.Trim()));
    }

    [Fact]
    public void CircuitAfterThePrerender_ReadsItselfWhatWasTooLargeToHandOver()
    {
        _store.AddMany(600);
        PrerenderAndHandOver();
        _store.Set("IMSS-JAL", open: 1300, complex: 90);

        var cut = Render<Regions>();

        Assert.Equal("1,300", cut.Find("[data-testid=open-IMSS-JAL]").TextContent.Trim());
    }

    [Fact]
    public void Render_EachRegionLinksToItsUnits()
    {
        var cut = Render<Regions>();

        Assert.Equal("/regiones/IMSS-JAL", cut.Find("[data-testid=region-link-IMSS-JAL]").GetAttribute("href"));
    }

    [Fact]
    public void FeedPublishes_CountChangesWithoutReload()
    {
        var cut = Render<Regions>();
        Assert.Equal("1,204", cut.Find("[data-testid=open-IMSS-JAL]").TextContent.Trim());

        _store.Set("IMSS-JAL", open: 1205, complex: 88);
        _feed.Publish([Opened(1, "IMSS-JAL", "UMF-JAL-023")]);

        cut.WaitForAssertion(() => Assert.Equal("1,205", cut.Find("[data-testid=open-IMSS-JAL]").TextContent.Trim()));
        Assert.Equal("88", cut.Find("[data-testid=complex-IMSS-JAL]").TextContent.Trim());
        Assert.Equal("1,262", cut.Find("[data-testid=total-open]").TextContent.Trim());
    }

    [Fact]
    public void FeedBurst_IsCoalescedIntoFewReads()
    {
        var cut = Render<Regions>();
        var readsBefore = _store.Reads;

        for (var i = 1; i <= 200; i++)
        {
            _feed.Publish([Opened(i, "IMSS-JAL", "UMF-JAL-023")]);
        }

        cut.WaitForAssertion(() => Assert.True(_store.Reads > readsBefore));
        // 200 events inside one throttle window: one re-read, perhaps two if the window closed mid-burst — never 200.
        Assert.InRange(_store.Reads - readsBefore, 1, 3);
    }

    [Fact]
    public void Dispose_UnsubscribesFromTheFeed()
    {
        var cut = Render<Regions>();
        Assert.Equal(1, _feed.SubscriberCount);

        cut.Instance.Dispose();

        Assert.Equal(0, _feed.SubscriberCount);
    }

    private sealed class FakeCaseStore : CaseReadersStub
    {
        private readonly Dictionary<string, RegionOpenCounts> _rows = new()
        {
            ["IMSS-JAL"] = new("IMSS-JAL", "OOAD Jalisco", Institution.Imss, 96, 1204, 87),
            ["IMSS-NL"] = new("IMSS-NL", "OOAD Nuevo León", Institution.Imss, 80, 45, 3),
            ["ESS-REB"] = new("ESS-REB", "Red Prestacional Rebagliati", Institution.EsSalud, 14, 12, 1),
        };

        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        /// <summary>What the regions' read waits for: a test holds it to see the page while it reads.</summary>
        public volatile Task Held = Task.CompletedTask;

        /// <summary>More regions than a page may hand from its prerender to its circuit (PrerenderedReads.BudgetBytes).</summary>
        public void AddMany(int count)
        {
            lock (_rows)
            {
                for (var i = 0; i < count; i++)
                {
                    _rows[$"IMSS-X{i:D4}"] = new($"IMSS-X{i:D4}", $"OOAD de prueba con un nombre largo para llenar el estado número {i}", Institution.Imss, 50, i, 0);
                }
            }
        }

        public void Set(string region, int open, int complex)
        {
            lock (_rows)
            {
                _rows[region] = _rows[region] with { OpenCases = open, OpenComplex = complex };
            }
        }

        public override async Task<IReadOnlyList<RegionOpenCounts>> ReadOpenCountsByRegionAsync(ReadScope scope, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            await Held;
            lock (_rows)
            {
                return _rows.Values.Where(r => scope.RegionCode is null || r.RegionCode == scope.RegionCode).ToArray();
            }
        }

        public override Task<CaseState?> ReadByIdAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default) =>
            Task.FromResult<CaseState?>(null);

        // The regions page reads only counts; these answer "nothing" rather than throw, like an empty database.
        public override Task<CasePage> ReadPageAsync(CaseListQuery query, ReadScope scope, CancellationToken cancellationToken = default) =>
            Task.FromResult(new CasePage([], 0));
    }
}
