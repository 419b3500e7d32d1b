using System.Globalization;
using Bunit;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Live;
using Dashboard.Core.Reads;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Components;

public sealed class RegionPageTests : PageTestContext
{
    private const string Jalisco = "IMSS-JAL";
    private static readonly Unit Umf = TableroFactory.JaliscoUnit;
    private static readonly Unit Hospital = TableroFactory.Catalogue.Units.First(u => u.RegionCode == Jalisco && u.Type == UnitType.Hgr);
    private static readonly Unit Peruvian = TableroFactory.Catalogue.Units.First(u => u.Institution == Institution.EsSalud);

    private readonly DirectorsStore _store = new();
    private readonly InProcessLiveFeed _feed = new(NullLogger<InProcessLiveFeed>.Instance, TestCatalogue.Create());

    public RegionPageTests()
    {
        Services.AddCaseReaders(_store);
        Services.AddSingleton<ILiveFeed>(_feed);
        Services.AddSingleton(TestCatalogue.Create());
        _store.Units =
        [
            new UnitCounts(Hospital.Code, Hospital.Name, OpenCases: 40, OpenComplex: 6, AtRisk: 3, Overdue: 2, BreachedToday: 1, DateTimeOffset.UtcNow.AddDays(-12).AddHours(-5)),
            new UnitCounts(Umf.Code, Umf.Name, OpenCases: 7, OpenComplex: 0, AtRisk: 1, Overdue: 5, BreachedToday: 0, DateTimeOffset.UtcNow.AddHours(-3)),
        ];
    }

    private IRenderedComponent<RegionPage> RenderRegion(string code = Jalisco) => Render<RegionPage>(p => p.Add(c => c.RegionCode, code));

    private static LiveCaseEvent Breached(long sequence, string region = Jalisco) =>
        new(sequence, Guid.NewGuid(), $"QJ-{sequence}", CaseEventType.SlaBreached, DateTimeOffset.UtcNow, region, Umf.Code, CaseStatus.New, false, Priority.High, 0);

    private static string Text(IRenderedComponent<RegionPage> cut, string testId) => cut.Find($"[data-testid='{testId}']").TextContent.Trim();

    private static string[] UnitOrder(IRenderedComponent<RegionPage> cut) =>
        cut.FindAll("[data-testid^='unit-link-']").Select(a => a.GetAttribute("data-testid")!["unit-link-".Length..]).ToArray();

    [Fact]
    public void ReachedInsideTheApp_ShowsALoadingBarAndDashes_NotZerosOrNoUnits_UntilItsUnitsAnswer()
    {
        var held = new TaskCompletionSource();
        _store.Held = held.Task;

        var cut = RenderRegion();

        Assert.Single(cut.FindAll("[data-testid=page-loading]"));
        Assert.Equal(("—", "—"), (Text(cut, "total-open"), Text(cut, "total-overdue")));
        Assert.DoesNotContain("no tiene unidades", cut.Find("[data-testid=units-table]").TextContent, StringComparison.Ordinal);

        held.SetResult();

        cut.WaitForAssertion(() => Assert.Equal("47", Text(cut, "total-open")));
        Assert.Empty(cut.FindAll("[data-testid=page-loading]"));
        Assert.Equal([Hospital.Code, Umf.Code], UnitOrder(cut));
    }

    [Fact]
    public void Render_ListsTheUnitsWithTheirNumbersMostOpenFirst()
    {
        var cut = RenderRegion();

        Assert.Equal("OOAD Jalisco", cut.Find("h1").TextContent);
        Assert.Equal([Jalisco], _store.UnitCountRegions);
        Assert.Equal([Hospital.Code, Umf.Code], UnitOrder(cut));
        Assert.Equal("40", Text(cut, $"open-{Hospital.Code}"));
        Assert.Equal("5", Text(cut, $"overdue-{Umf.Code}"));
        Assert.Equal("12 d 5 h", Text(cut, $"oldest-{Hospital.Code}"));
        Assert.Equal("3 h", Text(cut, $"oldest-{Umf.Code}"));
        Assert.Equal("47", Text(cut, "total-open"));
        Assert.Equal("7", Text(cut, "total-overdue"));
    }

    [Fact]
    public void StaffRoleCounts_OfTheRegion_OpenTheRegionsComplaintsOfThatRole()
    {
        _store.StaffRoles = [new StaffRoleCount("pharmacy", 21, 8), new StaffRoleCount("medical-assistant", 30, 12)];

        var cut = RenderRegion();

        var (filter, _) = _store.StaffRoleFilters.Last();
        Assert.Equal((Jalisco, (string?)null, Dashboard.Core.Cases.CaseKind.Complaint), (filter.RegionCode, filter.UnitCode, filter.Kind));
        Assert.Equal(["Asistente médica", "Farmacia"], cut.FindAll("[data-testid^='staff-role-name-']").Select(e => e.TextContent.Trim()));
        var href = cut.Find("[data-testid='staff-role-mistreatment-pharmacy']").GetAttribute("href")!;
        Assert.StartsWith($"/casos?region={Jalisco}&kind=Complaint&category=mistreatment&staffRole=pharmacy&from=", href, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_OpenTheUnitsCasesBehindThem()
    {
        var cut = RenderRegion();

        Assert.Equal($"/unidades/{Umf.Code}", cut.Find($"[data-testid='unit-link-{Umf.Code}']").GetAttribute("href"));
        Assert.Equal($"/unidades/{Umf.Code}?sla=Breached", cut.Find($"[data-testid='overdue-{Umf.Code}']").GetAttribute("href"));
        Assert.Equal($"/unidades/{Umf.Code}?complex=true", cut.Find($"[data-testid='complex-{Umf.Code}']").GetAttribute("href"));
        Assert.Equal($"/unidades/{Umf.Code}?status=all&breached=today", cut.Find($"[data-testid='breached-today-{Umf.Code}']").GetAttribute("href"));
        Assert.Equal($"/casos?region={Jalisco}&sla=AtRisk", cut.Find("[data-testid='total-at-risk-link']").GetAttribute("href"));
    }

    [Fact]
    public void ColumnHeader_SortsTheUnitsByThatColumn()
    {
        var cut = RenderRegion();

        cut.FindAll("th button[data-sort]").Single(h => h.TextContent.Contains("Vencidos", StringComparison.Ordinal) && !h.TextContent.Contains("hoy", StringComparison.Ordinal)).Click();
        Assert.Equal([Hospital.Code, Umf.Code], UnitOrder(cut));
        cut.FindAll("th button[data-sort]").Single(h => h.TextContent.Contains("Vencidos", StringComparison.Ordinal) && !h.TextContent.Contains("hoy", StringComparison.Ordinal)).Click();
        Assert.Equal([Umf.Code, Hospital.Code], UnitOrder(cut));
        Assert.Equal("descending", cut.Find("th:has(button[data-sort=overdue])").GetAttribute("aria-sort"));
        Assert.Equal("none", cut.Find("th:has(button[data-sort=open])").GetAttribute("aria-sort"));
    }

    [Fact]
    public void SortPicker_SortsTheUnitsWhereTheHeaderIsFolded()
    {
        var cut = RenderRegion();

        cut.Find("[data-testid=sort-picker]").Change("overdue");
        Assert.Equal([Hospital.Code, Umf.Code], UnitOrder(cut));
        Assert.Equal("overdue", cut.Find("[data-testid=sort-picker]").GetAttribute("value"));
        cut.Find("[data-testid=sort-direction]").Click();
        Assert.Equal([Umf.Code, Hospital.Code], UnitOrder(cut));
    }

    [Fact]
    public void CircuitAfterThePrerender_DrawsTheUnitsAndStaffRolesThePrerenderRead_WithoutReadingAgain()
    {
        _store.StaffRoles = [new StaffRoleCount("pharmacy", 21, 8), new StaffRoleCount("medical-assistant", 30, 12)];
        var state = AddBunitPersistentComponentState();
        Services.AddScoped<Dashboard.Web.Components.Shared.PrerenderedReads>();
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        RenderRegion();
        state.TriggerOnPersisting();
        var reads = _store.Reads;

        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var cut = RenderRegion();

        Assert.Equal([Hospital.Code, Umf.Code], UnitOrder(cut));
        Assert.Equal(["Asistente médica", "Farmacia"], cut.FindAll("[data-testid^='staff-role-name-']").Select(e => e.TextContent.Trim()));
        Assert.Equal(reads, _store.Reads);
    }

    [Fact]
    public void FeedEventInTheRegion_RereadsTheUnits()
    {
        var cut = RenderRegion();

        _store.Units = [_store.Units[0] with { Overdue = 3 }, _store.Units[1]];
        _feed.Publish([Breached(1)]);

        cut.WaitForAssertion(() => Assert.Equal("3", Text(cut, $"overdue-{Hospital.Code}")));
        Assert.Equal("8", Text(cut, "total-overdue"));
    }

    [Fact]
    public void DirectorOfAnotherRegion_IsAnsweredAsForAMissingRegion()
    {
        SignInAs(Core.Access.Role.Director, Core.Storage.ReadScope.ForRegion("IMSS-NL"));

        var cut = RenderRegion();

        Assert.NotNull(cut.Find("[data-testid='region-missing']"));
        Assert.DoesNotContain("OOAD Jalisco", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid='units-table']"));
        Assert.Empty(_store.UnitCountRegions);
    }

    [Fact]
    public void Subtitle_NamesTheRegionsClockNotItsZoneId()
    {
        var cut = RenderRegion();

        Assert.Contains("Hora del Centro (Ciudad de México)", Text(cut, "region-subtitle"), StringComparison.Ordinal);
        Assert.DoesNotContain("America/", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserAway_NothingIsRedrawnUntilItReturns_ThenTheUnitsAreReadOnce()
    {
        Services.AddScoped<CircuitPresence>();
        var cut = RenderRegion();
        var presence = Services.GetRequiredService<CircuitPresence>();
        var reads = _store.UnitCountRegions.Count;

        presence.ConnectionDown();
        _feed.Publish([Breached(1)]);
        _feed.Publish([Breached(2)]);
        // Nothing to await when nothing should happen: a little longer than a refresh interval (250 ms).
        await Task.Delay(600, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(reads, _store.UnitCountRegions.Count);

        presence.ConnectionUp();

        cut.WaitForAssertion(() => Assert.Equal(reads + 1, _store.UnitCountRegions.Count));
    }

    [Fact]
    public void Paused_HoldsTheTableUntilResumed()
    {
        var cut = RenderRegion();
        cut.Find("[data-testid=live-pause-button]").Click();
        var reads = _store.Reads;

        _store.Units = [_store.Units[0] with { OpenCases = 41 }, _store.Units[1]];
        _feed.Publish([Breached(1), Breached(2, region: "IMSS-NL")]);

        cut.WaitForAssertion(() => Assert.Equal("En pausa · eventos en espera: 1", Text(cut, "live-waiting")));
        Assert.Equal("40", Text(cut, $"open-{Hospital.Code}"));
        Assert.Equal(reads, _store.Reads);

        cut.Find("[data-testid=live-resume]").Click();

        cut.WaitForAssertion(() => Assert.Equal("41", Text(cut, $"open-{Hospital.Code}")));
    }

    [Fact]
    public void EsSaludRegion_SaysRedEvenInMexicanSpanish()
    {
        var cut = RenderRegion(Peruvian.RegionCode);

        Assert.StartsWith("Unidades de la Red", Text(cut, "region-subtitle"), StringComparison.Ordinal);
    }

    [Fact]
    public void ImssRegion_SaysOoadEvenInPeruvianSpanish()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-PE");

        var cut = RenderRegion();

        Assert.StartsWith("Unidades de la OOAD", Text(cut, "region-subtitle"), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRegion_SaysSoAndReadsNothing()
    {
        var cut = RenderRegion("IMSS-XX");

        Assert.NotNull(cut.Find("[data-testid=region-missing]"));
        Assert.Empty(_store.UnitCountRegions);
    }

    [Fact]
    public void Dispose_LeavesTheFeed()
    {
        var cut = RenderRegion();
        Assert.Equal(1, _feed.SubscriberCount);

        cut.Instance.Dispose();

        Assert.Equal(0, _feed.SubscriberCount);
    }
}
