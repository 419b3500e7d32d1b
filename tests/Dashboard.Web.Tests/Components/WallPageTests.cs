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
    private readonly InProcessLiveFeed _feed = new(NullLogger<InProcessLiveFeed>.Instance, TestCatalogue.Create());
    private EventLogStub _log = new();

    public WallPageTests()
    {
        Services.AddCaseReaders(_store);
        Services.AddSingleton<ILiveFeed>(_feed);
        Services.AddSingleton(TestCatalogue.Create());
        Services.AddSingleton<Dashboard.Web.Recognition.RecognitionWallCache>();
        Services.AddSingleton(sp => new WallBoard(_store, _store, _log, _feed, sp.GetRequiredService<Dashboard.Web.Catalogue.CatalogueService>(), Microsoft.Extensions.Options.Options.Create(new WallOptions()), Microsoft.Extensions.Options.Options.Create(new LiveOptions()), sp.GetRequiredService<TimeProvider>(), NullLogger<WallBoard>.Instance, new NoCommittees()));
    }

    private static LiveCaseEvent Event(long sequence, CaseEventType type = CaseEventType.CaseOpened) =>
        new(sequence, Guid.NewGuid(), $"QJ-{sequence}", type, DateTimeOffset.UtcNow, "IMSS-JAL", TableroFactory.JaliscoUnit.Code, CaseStatus.New, true, Priority.High, 0);

    [Fact]
    public void Render_ShowsTheBigNumbersAndTheRankingInSpanish()
    {
        var cut = Render<WallPage>();

        cut.WaitForAssertion(() => Assert.Equal("1,204", cut.Find("[data-testid=wall-open]").TextContent.Trim()));
        // A nationwide viewer's wall is each institution's own national wall: IMSS's first.
        Assert.Equal("IMSS · Nacional", cut.Find("[data-testid=wall-scope]").TextContent.Trim());
        Assert.Equal("Tablero · Trato Digno", cut.Find(".wall-brand").TextContent.Trim());
        Assert.Equal("31", cut.Find("[data-testid=wall-overdue]").TextContent.Trim());
        Assert.Equal("12 min", cut.Find("[data-testid=wall-median]").TextContent.Trim());
        AssertWordsOf(TableroFactory.JaliscoUnit.Name, cut.Find("[data-testid=wall-ranking] .wall-rank-name").TextContent);
    }

    [Fact]
    public void Render_RegionWall_ShowsTheBimestersSurveyFigureAndItsCoverage()
    {
        var surveys = new InMemorySurveys();
        Services.AddSingleton(sp => new WallBoard(_store, _store, _log, _feed, sp.GetRequiredService<Dashboard.Web.Catalogue.CatalogueService>(), Microsoft.Extensions.Options.Options.Create(new WallOptions()),
            Microsoft.Extensions.Options.Options.Create(new LiveOptions()), sp.GetRequiredService<TimeProvider>(), NullLogger<WallBoard>.Instance, new NoCommittees(),
            new Dashboard.Web.Surveys.SurveyService(surveys, sp.GetRequiredService<Dashboard.Web.Catalogue.CatalogueService>(), sp.GetRequiredService<Dashboard.Web.Security.AuditTrail>(),
                sp.GetRequiredService<TimeProvider>())));
        var round = Dashboard.Core.Surveys.SurveyRound.Of(DateOnly.FromDateTime(Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        var hospitals = TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-JAL" && Dashboard.Core.Surveys.SurveyRules.IsHospital(u.Type)).ToArray();
        surveys.Results.AddRange(hospitals.Skip(1).Select(u => new Dashboard.Core.Surveys.SurveyResult(round, u.Code, 200, 160, 170)));

        var cut = Render<WallPage>(p => p.Add(x => x.WallScope, "region:IMSS-JAL"));

        cut.WaitForAssertion(() => Assert.Equal("satisfacción 80 %", cut.Find("[data-testid=wall-survey-satisfaction]").TextContent.Trim()));
        Assert.StartsWith("Encuesta de ", cut.Find(".wall-survey-round").TextContent.Trim(), StringComparison.Ordinal);
        var coverage = cut.Find("[data-testid=wall-survey-coverage]");
        Assert.Equal($"{hospitals.Length - 1} de {hospitals.Length} hospitales", coverage.TextContent.Trim());
        Assert.Contains("is-warning", coverage.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShowsDueSoonComplianceAndTrendsAgainstYesterdayAndLastWeek()
    {
        _store.Now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var cut = Render<WallPage>();

        cut.WaitForAssertion(() => Assert.Equal("91%", cut.Find("[data-testid=wall-compliance]").TextContent.Trim()));
        // 1,204 open now against 1,104 at this hour yesterday and a week ago: up, which is worse.
        var trend = cut.Find("[data-testid=wall-open-trend]");
        Assert.Equal(["ayer ▲100", "7 días ▲100"], trend.QuerySelectorAll(".wall-trend").Select(t => t.TextContent.Trim()).ToArray());
        Assert.All(trend.QuerySelectorAll("b"), b => Assert.Contains("is-worse", b.ClassName, StringComparison.Ordinal));
        // Compliance rose from 80 to 91: better.
        Assert.Contains("is-better", cut.Find("[data-testid=wall-compliance-trend] b").ClassName, StringComparison.Ordinal);
        var due = cut.Find("[data-testid=wall-due-soon] li");
        Assert.Equal("Mal trato", due.QuerySelector(".wall-due-what")!.TextContent);
        AssertWordsOf(TableroFactory.JaliscoUnit.Name, due.QuerySelector(".wall-due-where")!.TextContent);
        Assert.DoesNotContain("QJ-7", cut.Markup, StringComparison.Ordinal);
        Assert.Matches("^4[12] min$", due.QuerySelector("[data-left]")!.GetAttribute("data-left"));
    }

    /// <summary>A name on the wall is whole, or its first words and "…": never cut inside a word.</summary>
    private static void AssertWordsOf(string name, string shown)
    {
        if (shown != name)
        {
            Assert.EndsWith("…", shown, StringComparison.Ordinal);
            Assert.StartsWith(shown[..^1] + " ", name, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Tiempo de espera", 17, "Tiempo de espera")]
    [InlineData("Diferimiento de citas y cirugías", 17, "Diferimiento de…")]
    [InlineData("Desabastecimiento de medicamentos", 17, "Desabastecimiento")]
    [InlineData("Otorrinolaringología", 12, "Otorrinolar…")]
    [InlineData("Derechohabiente refiere trato grosero de la asistente médica al solicitar su pase a especialidad en ventanilla", 80,
        "Derechohabiente refiere trato grosero de la asistente médica al solicitar su…")]
    public void Fit_CutsAtAWord_AndKeepsAFirstWordThatFillsTheBoxWhole(string text, int characters, string shown) =>
        Assert.Equal(shown, WallPage.Fit(text, characters));

    [Theory]
    [InlineData("unit:NO-EXISTE")]
    [InlineData("region:")]
    [InlineData("institution:ISSSTE")]
    public void UnknownScope_SaysSoAcrossTheScreenInsteadOfZeros(string scope)
    {
        var cut = Render<WallPage>(p => p.Add(w => w.WallScope, scope));

        Assert.Contains("No existe lo que esta pantalla debe mostrar", cut.Find("[data-testid=wall-unknown-scope]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=wall-open]"));
        Assert.Equal(0, _feed.SubscriberCount);
    }

    [Fact]
    public void RegionWall_ShowsItsUnitsNotRegions()
    {
        var cut = Render<WallPage>(p => p.Add(w => w.WallScope, "region:IMSS-JAL"));

        cut.WaitForAssertion(() => AssertWordsOf(TableroFactory.JaliscoUnit.Name, cut.Find("[data-testid=wall-units] td").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=wall-regions]"));
        Assert.Contains("Comité OOAD", cut.Find("[data-testid=wall-level-2]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedEvents_MoveTheNumbersAndTheTicker()
    {
        var cut = Render<WallPage>();
        cut.WaitForAssertion(() => Assert.Equal("31", cut.Find("[data-testid=wall-overdue]").TextContent.Trim()));

        _store.Overdue = 32;
        _feed.Publish([Event(1, CaseEventType.SlaBreached)]);

        cut.WaitForAssertion(() => Assert.Equal("32", cut.Find("[data-testid=wall-overdue]").TextContent.Trim()));
        // In words: the event, the kind and category of its case, the unit; never the case number.
        var ticker = cut.Find("[data-testid=wall-ticker]").TextContent;
        Assert.Contains("Vencido · Queja · cat-1 · " + TableroFactory.JaliscoUnit.Name, ticker, StringComparison.Ordinal);
        Assert.DoesNotContain("QJ-1", ticker, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenedAtAQuietMoment_TheTickerShowsTheLatestEventsOfItsScopeFromTheLog()
    {
        // Twenty events in the log, the last one in another region: the wall of Jalisco shows its own latest six.
        _log = new EventLogStub([.. Enumerable.Range(1, 19).Select(i => Stored(i, "IMSS-JAL")), Stored(20, "IMSS-NL")]);

        var cut = Render<WallPage>(p => p.Add(w => w.WallScope, "region:IMSS-JAL"));

        cut.WaitForAssertion(() => Assert.Equal(["cat-19", "cat-18", "cat-17", "cat-16", "cat-15", "cat-14"], TickerCases(cut).Take(6)));

        // A live event joins it without repeating what the log gave.
        _feed.Publish([Event(21)]);
        cut.WaitForAssertion(() => Assert.Equal(["cat-21", "cat-19", "cat-18", "cat-17", "cat-16", "cat-15"], TickerCases(cut).Take(6)));
    }

    private static string[] TickerCases(IRenderedComponent<WallPage> cut) =>
        cut.FindAll("[data-testid=wall-ticker] .wall-tick").Select(t => t.TextContent.Split(" · ")[3]).ToArray();

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

        /// <summary>The page's clock: the due-soon case falls due 42 minutes after it.</summary>
        public DateTimeOffset Now = DateTimeOffset.UtcNow;

        public override Task<WallSnapshot> ReadWallAsync(ReadScope scope, DateTimeOffset todayStart, DateTimeOffset tomorrowStart, int listLength, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return Task.FromResult(new WallSnapshot(
                new OpenCaseCounts(Open, 87, 12, Overdue, 9, 4, 2, 1),
                TimeSpan.FromMinutes(12),
                [new UnitOverdue(TableroFactory.JaliscoUnit.Code, "IMSS-JAL", 3)],
                [new RegionOverdue("IMSS-JAL", Open, Overdue)],
                scope.Level == ScopeLevel.Region ? [new UnitLoad(TableroFactory.JaliscoUnit.Code, 40, 3, 2)] : [],
                [],
                [new DueSoonCase("QJ-7", TableroFactory.JaliscoUnit.Code, CaseKind.Complaint, "mistreatment", Priority.High, false,
                    Core.Sla.SlaClockKind.FirstResponse, Now.AddMinutes(42))]));
        }

        public override Task<WallFigures> ReadFiguresAtAsync(ReadScope scope, DateTimeOffset at, DateTimeOffset dayStart, CancellationToken cancellationToken = default) =>
            Task.FromResult(at < DateTimeOffset.UtcNow.AddHours(-1)
                ? new WallFigures(Open - 100, 80, 12, Overdue + 4, 9, TimeSpan.FromMinutes(15), new SlaCompliance(80, 100))
                : new WallFigures(Open, 87, 12, Overdue, 9, TimeSpan.FromMinutes(12), new SlaCompliance(91, 100)));

        /// <summary>Every case is an IMSS complaint whose category code names its number: the ticker shows which event is which.</summary>
        public override Task<CaseState?> ReadByIdAsync(string caseId, ReadScope scope, CancellationToken cancellationToken = default) =>
            Task.FromResult<CaseState?>(new CaseState
            {
                CaseId = caseId, UnitCode = TableroFactory.JaliscoUnit.Code, RegionCode = "IMSS-JAL", Institution = Core.Catalogue.Institution.Imss,
                Kind = CaseKind.Complaint, Channel = Channel.Module, Category = $"cat-{caseId[3..]}", Priority = Priority.Medium, Complex = false,
                Status = CaseStatus.New, OpenedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
    }
}
