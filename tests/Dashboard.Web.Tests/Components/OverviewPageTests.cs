using Bunit;
using Dashboard.Core.Cases;
using Dashboard.Core.Live;
using Dashboard.Core.Reads;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Live;
using Dashboard.Web.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace Dashboard.Web.Tests.Components;

public sealed class OverviewPageTests : PageTestContext
{
    private readonly DirectorsStore _store = new();
    private readonly InProcessLiveFeed _feed = new(NullLogger<InProcessLiveFeed>.Instance, TestCatalogue.Create());
    private readonly CatalogueService _catalogue = TestCatalogue.Create();
    private readonly InMemorySurveys _surveys = new();

    public OverviewPageTests()
    {
        Services.AddCaseReaders(_store);
        Services.AddSingleton<ILiveFeed>(_feed);
        Services.AddSingleton(_catalogue);
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new WallOptions()));
        Services.AddSingleton<Dashboard.Core.Surveys.ISurveyStore>(_surveys);
        Services.AddSingleton<Dashboard.Web.Surveys.SurveyService>();
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<Overview> RenderAt(string uri)
    {
        Navigation.NavigateTo(uri);
        return Render<Overview>();
    }

    private static LiveCaseEvent Opened(long sequence, string region = "IMSS-JAL") =>
        new(sequence, Guid.NewGuid(), $"QJ-{sequence}", CaseEventType.CaseOpened, DateTimeOffset.UtcNow, region, TableroFactory.JaliscoUnit.Code, CaseStatus.New, false, Priority.High, 0);

    private static string Text(IRenderedComponent<Overview> cut, string testId) => cut.Find($"[data-testid={testId}]").TextContent.Trim();

    private static string? Href(IRenderedComponent<Overview> cut, string testId) => cut.Find($"[data-testid={testId}-link]").GetAttribute("href");

    private static IRenderedComponent<MudSelect<string>> Select(IRenderedComponent<Overview> cut, string testId) =>
        cut.FindComponents<MudSelect<string>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));

    [Fact]
    public void ReachedInsideTheApp_ShowsALoadingBarAndDashes_NotZeros_UntilItsCountsAnswer()
    {
        var held = new TaskCompletionSource();
        _store.Held = held.Task;

        var cut = RenderAt("/resumen");

        Assert.Single(cut.FindAll("[data-testid=page-loading]"));
        Assert.Equal(("—", "—", "—"), (Text(cut, "kpi-open"), Text(cut, "kpi-overdue"), Text(cut, "kpi-median")));
        Assert.Empty(cut.FindAll("[data-testid=categories-empty]"));

        held.SetResult();

        cut.WaitForAssertion(() => Assert.Equal("1,204", Text(cut, "kpi-open")));
        Assert.Empty(cut.FindAll("[data-testid=page-loading]"));
        Assert.Equal("31", Text(cut, "kpi-overdue"));
    }

    [Fact]
    public void Render_ShowsTheWallsNumbersInSpanishEachALinkToItsCases()
    {
        var cut = RenderAt("/resumen");

        Assert.Equal("Resumen", cut.Find("h1").TextContent);
        Assert.Equal("1,204", Text(cut, "kpi-open"));
        Assert.Equal("31", Text(cut, "kpi-overdue"));
        Assert.Equal("2", Text(cut, "kpi-level-2"));
        Assert.Equal("12 min", Text(cut, "kpi-median"));
        Assert.Equal("/casos", Href(cut, "kpi-open"));
        Assert.Equal("/casos?complex=true", Href(cut, "kpi-complex"));
        Assert.Equal("/casos?sla=AtRisk", Href(cut, "kpi-at-risk"));
        Assert.Equal("/casos?sla=Breached", Href(cut, "kpi-overdue"));
        Assert.Equal("/casos?status=all&breached=today", Href(cut, "kpi-breached-today"));
        Assert.Equal("/casos?level=2", Href(cut, "kpi-level-2"));
    }

    [Theory]
    [InlineData(20, 30, "20–30 min")]
    [InlineData(45, 60, "45–60 min")]
    [InlineData(60, 90, "1 h – 1 h 30 min")]
    [InlineData(720, 1440, "12 h – 1 d")]
    [InlineData(4320, null, "3 d o más")]
    public void Render_AMedianReadFromTheDailyCounters_ShowsTheRangeThatHoldsIt(int fromMinutes, int? beforeMinutes, string shown)
    {
        _store.Trends = _store.Trends with
        {
            MedianFirstResponse = TimeSpan.FromMinutes(fromMinutes),
            MedianFirstResponseRange = new WaitRange(TimeSpan.FromMinutes(fromMinutes), beforeMinutes is { } m ? TimeSpan.FromMinutes(m) : null),
        };

        var cut = RenderAt("/resumen");

        Assert.Equal(shown, Text(cut, "kpi-median"));
    }

    [Fact]
    public void Render_RegionFilter_TheCurrentBimestersSurveyWithItsCoverage()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 18, 0, 0, TimeSpan.Zero)));
        var hospitals = TableroFactory.Catalogue.Units.Where(u => u.RegionCode == "IMSS-JAL" && Dashboard.Core.Surveys.SurveyRules.IsHospital(u.Type)).ToArray();
        _surveys.Results.AddRange(hospitals.Skip(1).Select(u => new Dashboard.Core.Surveys.SurveyResult(new(2026, 6), u.Code, 120, 96, 100)));
        _surveys.Results.Add(new Dashboard.Core.Surveys.SurveyResult(new(2026, 5), hospitals[0].Code, 120, 10, 10));

        var cut = RenderAt("/resumen?region=IMSS-JAL");

        var line = cut.Find("[data-testid=overview-survey]").TextContent;
        Assert.Contains("satisfacción 80 % (", line, StringComparison.Ordinal);
        Assert.Contains($"cobertura {hospitals.Length - 1} de {hospitals.Length} hospitales", line, StringComparison.Ordinal);
        Assert.Equal("/encuestas", cut.Find("[data-testid=overview-survey] a").GetAttribute("href"));
    }

    [Fact]
    public void FiltersInTheLink_ReachTheStoreAndEveryNumbersLink()
    {
        var cut = RenderAt("/resumen?region=IMSS-JAL&kind=Complaint&category=mistreatment&channel=CallCenter&priority=High&complex=true&from=2026-11-01&to=2026-11-10");

        var expected = new CaseFilter
        {
            RegionCode = "IMSS-JAL",
            Kind = CaseKind.Complaint,
            Category = "mistreatment",
            Channel = Channel.CallCenter,
            Priority = Priority.High,
            Complex = true,
            OpenedFrom = new DateOnly(2026, 11, 1),
            OpenedTo = new DateOnly(2026, 11, 10),
        };
        Assert.Equal(expected, _store.OverviewFilters.Last());
        Assert.Equal(expected, _store.TrendFilters.Last());
        Assert.Equal("/casos?region=IMSS-JAL&kind=Complaint&category=mistreatment&channel=CallCenter&priority=High&complex=true&from=2026-11-01&to=2026-11-10&sla=Breached",
            Href(cut, "kpi-overdue"));
        Assert.Contains("OOAD Jalisco", Text(cut, "overview-scope"), StringComparison.Ordinal);
    }

    [Fact]
    public void UnitFilter_NumbersOpenTheUnitsOwnPage()
    {
        var unit = TableroFactory.JaliscoUnit.Code;

        var cut = RenderAt($"/resumen?region=IMSS-JAL&unit={unit}");

        Assert.Equal(unit, _store.OverviewFilters.Last().UnitCode);
        Assert.Equal($"/unidades/{unit}?region=IMSS-JAL&sla=AtRisk", Href(cut, "kpi-at-risk"));
    }

    [Fact]
    public void NoPeriodInTheLink_CountsAllOpenCasesAndChartsTheLast30DaysOfTheWallsDay()
    {
        // 03:00 UTC on the 24th is still the 23rd in Mexico City, the wall's zone for a national view.
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero)));

        var cut = RenderAt("/");

        Assert.Null(_store.OverviewFilters.Last().OpenedFrom);
        var trends = _store.TrendFilters.Last();
        Assert.Equal((new DateOnly(2026, 10, 25), new DateOnly(2026, 11, 23)), (trends.OpenedFrom, trends.OpenedTo));
        Assert.Contains("23 nov 2026", Text(cut, "overview-scope"), StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_CarryTheStoresDaysAndCategoriesInTheReadersLanguage()
    {
        _store.Trends = _store.Trends with
        {
            Days = [new DayTrend(new DateOnly(2026, 11, 1), 3, 1, 0), new DayTrend(new DateOnly(2026, 11, 2), 5, 4, 2)],
        };

        var cut = RenderAt("/resumen?from=2026-11-01&to=2026-11-03");

        var charts = cut.FindComponents<MudChart<double>>();
        var flow = charts[0].Instance;
        Assert.Equal(["1 nov", "2 nov", "3 nov"], flow.ChartLabels);
        Assert.Equal([3.0, 5, 0], flow.ChartSeries[0].Data.Values);
        Assert.Equal([1.0, 4, 0], flow.ChartSeries[1].Data.Values);
        Assert.Equal([0.0, 2, 0], charts[1].Instance.ChartSeries[0].Data.Values);
        Assert.Equal(2, charts.Count);
    }

    [Fact]
    public void Categories_AreRowsWithTheirWholeNames_MostFirst_EachNumberOpeningThePeriodsCasesOfThatCategory()
    {
        _store.Trends = _store.Trends with
        {
            Categories = [new CategoryCount("medicine-supply", 40, 12), new CategoryCount("mistreatment", 15, 0)],
        };

        var cut = RenderAt("/resumen?from=2026-11-01&to=2026-11-03");

        // A chart's steep labels cut "Surtimiento de medi…"; a row has room for the whole name.
        var rows = cut.FindAll("[data-testid=categories-table] tbody tr");
        Assert.Equal(["Surtimiento de medicamentos", "Mal trato"], rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.Equal(("40", "12"), (Text(cut, "category-cases-medicine-supply"), Text(cut, "category-open-medicine-supply")));
        Assert.Equal("/casos?category=medicine-supply&from=2026-11-01&to=2026-11-03&status=all",
            cut.Find("[data-testid=category-cases-medicine-supply]").GetAttribute("href"));
        Assert.Equal("/casos?category=medicine-supply&from=2026-11-01&to=2026-11-03", cut.Find("[data-testid=category-open-medicine-supply]").GetAttribute("href"));
        // None still open: a zero, not a link to an empty list.
        Assert.Equal("SPAN", cut.Find("[data-testid=category-open-mistreatment]").TagName);
        Assert.Contains("width:100%", cut.Find("[data-testid=category-medicine-supply] .tablero-bar").GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("width:37%", cut.Find("[data-testid=category-mistreatment] .tablero-bar").GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public void Categories_NoneInThePeriod_SaysSo()
    {
        _store.Trends = _store.Trends with { Categories = [] };

        var cut = RenderAt("/resumen?from=2026-11-01&to=2026-11-03");

        Assert.Equal("No hay casos registrados en el periodo.", Text(cut, "categories-empty"));
    }

    [Fact]
    public void FeedEvent_RereadsTheNumbersAndCharts()
    {
        var cut = RenderAt("/resumen");
        Assert.Equal("31", Text(cut, "kpi-overdue"));

        _store.Counts = _store.Counts with { Overdue = 32 };
        _store.Trends = _store.Trends with { Categories = [new CategoryCount("waiting-time", 41, 13)] };
        _feed.Publish([Opened(1)]);

        cut.WaitForAssertion(() => Assert.Equal("32", Text(cut, "kpi-overdue")));
        Assert.Equal("41", Text(cut, "category-cases-waiting-time"));
    }

    [Fact]
    public void Paused_HoldsTheNumbersAndCountsTheEventsWaitingUntilResumed()
    {
        var cut = RenderAt("/resumen");
        cut.Find("[data-testid=live-pause-button]").Click();
        var readsWhenPaused = _store.Reads;

        _store.Counts = _store.Counts with { OpenCases = 1300 };
        _feed.Publish([Opened(1), Opened(2)]);
        _feed.Publish([Opened(3)]);

        cut.WaitForAssertion(() => Assert.Equal("En pausa · eventos en espera: 3", Text(cut, "live-waiting")));
        Assert.Equal("1,204", Text(cut, "kpi-open"));
        Assert.Equal(readsWhenPaused, _store.Reads);

        cut.Find("[data-testid=live-resume]").Click();

        cut.WaitForAssertion(() => Assert.Equal("1,300", Text(cut, "kpi-open")));
        Assert.Empty(cut.FindAll("[data-testid=live-waiting]"));
        Assert.StartsWith("En vivo", Text(cut, "live-status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilterChosen_GoesIntoTheLinkAndTheNumbersFollow()
    {
        var cut = RenderAt("/resumen?region=IMSS-JAL");

        await cut.InvokeAsync(() => Select(cut, "filter-priority").Instance.ValueChanged.InvokeAsync("Critical"));

        Assert.EndsWith("/resumen?region=IMSS-JAL&priority=Critical", Navigation.Uri, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal(Priority.Critical, _store.OverviewFilters.Last().Priority));
        Assert.Equal("/casos?region=IMSS-JAL&priority=Critical", Href(cut, "kpi-open"));
    }

    [Theory]
    [InlineData("/resumen", "Región")]
    [InlineData("/resumen?region=IMSS-JAL", "OOAD")]
    [InlineData("/resumen?region=ESS-REB", "Red")]
    public void RegionFilter_IsNamedInTheInstitutionsWords(string uri, string label)
    {
        var cut = RenderAt(uri);

        Assert.Equal(label, Select(cut, "filter-region").Instance.Label);
    }

    [Fact]
    public void Dispose_LeavesTheFeed()
    {
        var cut = RenderAt("/resumen");
        Assert.Equal(1, _feed.SubscriberCount);

        cut.Instance.Dispose();

        Assert.Equal(0, _feed.SubscriberCount);
    }
}
