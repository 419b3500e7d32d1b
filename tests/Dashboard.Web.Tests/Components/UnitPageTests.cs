using System.Globalization;
using Bunit;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Live;
using Dashboard.Core.Sla;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace Dashboard.Web.Tests.Components;

public sealed class UnitPageTests : PageTestContext
{
    private static readonly Unit Umf = TableroFactory.JaliscoUnit;
    private static readonly Unit Peruvian = TableroFactory.Catalogue.Units.First(u => u.Institution == Institution.EsSalud);

    private readonly DirectorsStore _store = new();
    private readonly InProcessLiveFeed _feed = new(NullLogger<InProcessLiveFeed>.Instance, TestCatalogue.Create());

    public UnitPageTests()
    {
        Services.AddCaseReaders(_store);
        Services.AddSingleton<ILiveFeed>(_feed);
        Services.AddSingleton(TestCatalogue.Create());
        Services.AddNoCommittees();
        _store.Cases = [Case("QJ-NEW", Umf, hoursAgo: 2), Case("QJ-OLD", Umf, hoursAgo: 24 * 20, priority: Priority.High)];
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private static CaseState Case(string id, Unit unit, int hoursAgo, Priority priority = Priority.Medium) => new()
    {
        CaseId = id,
        UnitCode = unit.Code,
        RegionCode = unit.RegionCode,
        Institution = unit.Institution,
        Kind = CaseKind.Complaint,
        Channel = Channel.Module,
        Category = "waiting-time",
        Priority = priority,
        Complex = false,
        Status = CaseStatus.New,
        OpenedAt = DateTimeOffset.UtcNow.AddHours(-hoursAgo),
        UpdatedAt = DateTimeOffset.UtcNow.AddHours(-hoursAgo),
    };

    private IRenderedComponent<UnitPage> RenderUnit(Unit unit, string query = "")
    {
        Navigation.NavigateTo($"/unidades/{unit.Code}{query}");
        var cut = Render<UnitPage>(p => p.Add(c => c.UnitCode, unit.Code));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^='case-link-']")));
        return cut;
    }

    private static LiveCaseEvent Opened(long sequence, Unit unit) =>
        new(sequence, Guid.NewGuid(), $"QJ-{sequence}", CaseEventType.CaseOpened, DateTimeOffset.UtcNow, unit.RegionCode, unit.Code, CaseStatus.New, false, Priority.High, 0);

    private static string Text(IRenderedComponent<UnitPage> cut, string testId) => cut.Find($"[data-testid='{testId}']").TextContent.Trim();

    private static string[] Rows(IRenderedComponent<UnitPage> cut) => cut.FindAll("[data-testid^='case-link-']").Select(a => a.TextContent.Trim()).ToArray();

    private static IRenderedComponent<MudSelect<string>> Select(IRenderedComponent<UnitPage> cut, string testId) =>
        cut.FindComponents<MudSelect<string>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));

    [Fact]
    public void ReachedInsideTheApp_ShowsALoadingBar_NotNoWorkload_UntilItsWorkloadAnswers()
    {
        var held = new TaskCompletionSource();
        _store.Held = held.Task;
        Navigation.NavigateTo($"/unidades/{Umf.Code}");

        var cut = Render<UnitPage>(p => p.Add(c => c.UnitCode, Umf.Code));

        Assert.Single(cut.FindAll("[data-testid=page-loading]"));
        Assert.Empty(cut.FindAll("[data-testid=workload-empty]"));

        held.SetResult();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=page-loading]")));
        Assert.Equal("3", cut.Find("[data-testid=unit-workload] tbody td:nth-child(2)").TextContent.Trim());
        _store.Workload = [];
        _feed.Publish([Opened(1, Umf)]);
        // A live refresh reads without the bar, and an empty workload says so.
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=workload-empty]")));
        Assert.Empty(cut.FindAll("[data-testid=page-loading]"));
    }

    [Fact]
    public void Render_ReadsTheUnitsOpenCasesNewestFirstWithTheirAges()
    {
        var cut = RenderUnit(Umf);

        var query = _store.PageQueries.Last();
        Assert.Equal((Umf.Code, true, CaseSort.Opened, true, 1, 25), (query.Filter.UnitCode, query.Open, query.Sort, query.Descending, query.Page, query.PageSize));
        Assert.Equal(["QJ-NEW", "QJ-OLD"], Rows(cut));
        Assert.Equal(Umf.Code, _store.AgeQueries.Last().Filter.UnitCode);
        Assert.Equal(("5", "3", "2", "1"), (Text(cut, "age-0-2"), Text(cut, "age-3-7"), Text(cut, "age-8-15"), Text(cut, "age-over-15")));
        Assert.Contains("más de 15 días", cut.Find("[data-testid=case-grid]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"/regiones/{Umf.RegionCode}", cut.Find("[data-testid=region-link]").GetAttribute("href"));
    }

    [Fact]
    public void FiltersInTheLink_AreAskedOfTheStoreWithinTheUnit()
    {
        var cut = RenderUnit(Umf, "?status=Paused&priority=High&complex=true&sla=Breached&category=mistreatment&kind=Complaint&channel=CallCenter&level=1&breached=today&from=2026-11-01&to=2026-11-10");

        var query = _store.PageQueries.Last();
        Assert.Equal(Umf.Code, query.Filter.UnitCode);
        Assert.Equal((null, CaseStatus.Paused, Priority.High, true, SlaState.Breached, "mistreatment"), (query.Open, query.Status, query.Filter.Priority, query.Filter.Complex, query.SlaState, query.Filter.Category));
        Assert.Equal((CaseKind.Complaint, Channel.CallCenter, 1, true), (query.Filter.Kind, query.Filter.Channel, query.EscalationLevel, query.BreachedToday));
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10)), (query.Filter.OpenedFrom, query.Filter.OpenedTo));
        Assert.Equal(query with { Page = 1, PageSize = 1, Sort = CaseSort.Opened, Descending = true, Now = null, Days = DayZones.Utc }, _store.AgeQueries.Last() with { Now = null, Days = DayZones.Utc });
        Assert.Equal("Canal: Centro de contacto", Text(cut, "chip-channel"));
        Assert.Equal("Vencidos hoy", Text(cut, "chip-breached"));
    }

    [Fact]
    public void ColumnHeader_AsksTheStoreForThatOrderBothWays()
    {
        var cut = RenderUnit(Umf);
        AngleSharp.Dom.IElement PriorityHeader() => cut.Find("th:has(button[data-sort=Priority]) button");

        PriorityHeader().Click();
        cut.WaitForAssertion(() => Assert.Equal((CaseSort.Priority, false), (_store.PageQueries.Last().Sort, _store.PageQueries.Last().Descending)));

        PriorityHeader().Click();
        cut.WaitForAssertion(() => Assert.Equal((CaseSort.Priority, true), (_store.PageQueries.Last().Sort, _store.PageQueries.Last().Descending)));
    }

    [Fact]
    public void Pager_WalksThePagesAndTheirSize_AndSaysWhichRowsOfHowManyAreShown()
    {
        _store.Cases = [.. Enumerable.Range(1, 60).Select(i => Case($"QJ-{i:D3}", Umf, hoursAgo: i))];
        var cut = RenderUnit(Umf);
        string Range() => Text(cut, "page-range");

        Assert.Equal("1–25 de 60", Range());
        Assert.Equal(25, Rows(cut).Length);
        Assert.True(cut.Find("[data-testid=page-previous]").HasAttribute("disabled"));

        cut.Find("[data-testid=page-next]").Click();
        cut.WaitForAssertion(() => Assert.Equal("26–50 de 60", Range()));
        Assert.Equal(2, _store.PageQueries.Last().Page);
        Assert.Equal("QJ-026", Rows(cut)[0]);

        cut.Find("[data-testid=page-last]").Click();
        cut.WaitForAssertion(() => Assert.Equal("51–60 de 60", Range()));
        Assert.Equal(10, Rows(cut).Length);
        Assert.True(cut.Find("[data-testid=page-next]").HasAttribute("disabled"));

        // A new size starts again from the first page.
        cut.Find("[data-testid=page-size]").Change("50");
        cut.WaitForAssertion(() => Assert.Equal("1–50 de 60", Range()));
        Assert.Equal((1, 50), (_store.PageQueries.Last().Page, _store.PageQueries.Last().PageSize));
    }

    [Fact]
    public void SortedColumn_IsSaidToScreenReaders_AndTheOpeningComesBackNewestFirst()
    {
        var cut = RenderUnit(Umf);
        string AriaSort(string column) => cut.Find($"th:has(button[data-sort={column}])").GetAttribute("aria-sort")!;

        Assert.Equal(("descending", "none"), (AriaSort("Opened"), AriaSort("Priority")));

        cut.Find("th:has(button[data-sort=Priority]) button").Click();
        cut.WaitForAssertion(() => Assert.Equal(("none", "ascending"), (AriaSort("Opened"), AriaSort("Priority"))));

        cut.Find("th:has(button[data-sort=Opened]) button").Click();
        cut.WaitForAssertion(() => Assert.Equal((CaseSort.Opened, true), (_store.PageQueries.Last().Sort, _store.PageQueries.Last().Descending)));
        Assert.Equal("descending", AriaSort("Opened"));
    }

    [Fact]
    public async Task FilterChosen_GoesIntoTheLinkAndTheGridAndAgesFollow()
    {
        var cut = RenderUnit(Umf);

        await cut.InvokeAsync(() => Select(cut, "filter-priority").Instance.ValueChanged.InvokeAsync("High"));

        Assert.EndsWith($"/unidades/{Umf.Code}?priority=High", Navigation.Uri, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal(Priority.High, _store.PageQueries.Last().Filter.Priority));
        Assert.Equal(Priority.High, _store.AgeQueries.Last().Filter.Priority);
        Assert.Equal(Umf.Code, _store.PageQueries.Last().Filter.UnitCode);
    }

    [Fact]
    public void FeedEventOfTheUnit_RereadsTheGridAndTheAges()
    {
        var cut = RenderUnit(Umf);

        _store.Cases = [Case("QJ-NEWER", Umf, hoursAgo: 0), .. _store.Cases];
        _store.Ages = _store.Ages with { Days0To2 = 6 };
        _feed.Publish([Opened(1, Umf)]);

        cut.WaitForAssertion(() => Assert.Equal(["QJ-NEWER", "QJ-NEW", "QJ-OLD"], Rows(cut)));
        cut.WaitForAssertion(() => Assert.Equal("6", Text(cut, "age-0-2")));
    }

    [Fact]
    public void Paused_HoldsTheGridUntilResumed()
    {
        var cut = RenderUnit(Umf);
        cut.Find("[data-testid=live-pause-button]").Click();
        var reads = _store.Reads;

        _store.Cases = [Case("QJ-NEWER", Umf, hoursAgo: 0), .. _store.Cases];
        _feed.Publish([Opened(1, Umf)]);

        cut.WaitForAssertion(() => Assert.Equal("En pausa · eventos en espera: 1", Text(cut, "live-waiting")));
        Assert.Equal(["QJ-NEW", "QJ-OLD"], Rows(cut));
        Assert.Equal(reads, _store.Reads);

        cut.Find("[data-testid=live-resume]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["QJ-NEWER", "QJ-NEW", "QJ-OLD"], Rows(cut)));
    }

    [Fact]
    public void EsSaludUnit_InMexicanSpanish_SpeaksOfReclamosAndAsegurados()
    {
        _store.Cases = [Case("QR-1", Peruvian, hoursAgo: 2)];

        var cut = RenderUnit(Peruvian);

        Assert.Equal("Reclamo", Text(cut, "kind-QR-1"));
        Assert.Contains("DNI del asegurado", Text(cut, "privacy-note"), StringComparison.Ordinal);
    }

    [Fact]
    public void ImssUnit_InPeruvianSpanish_SpeaksOfQuejasAndDerechohabientes()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-PE");

        var cut = RenderUnit(Umf);

        Assert.Equal("Queja", Text(cut, "kind-QJ-NEW"));
        Assert.Contains("NSS del derechohabiente", Text(cut, "privacy-note"), StringComparison.Ordinal);
    }

    [Fact]
    public void DirectorOfAnotherRegion_IsAnsweredAsForAMissingUnit()
    {
        SignInAs(Core.Access.Role.Director, Core.Storage.ReadScope.ForRegion("IMSS-NL"));
        Navigation.NavigateTo($"/unidades/{Umf.Code}");

        var cut = Render<UnitPage>(p => p.Add(c => c.UnitCode, Umf.Code));

        Assert.NotNull(cut.Find("[data-testid='unit-missing']"));
        Assert.DoesNotContain(Umf.Name, cut.Find("[data-testid='unit-subtitle']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid='case-grid']"));
        Assert.Empty(cut.FindAll("[data-testid='unit-workload']"));
    }

    [Fact]
    public void Subtitle_NamesTheUnitsClockNotItsZoneId()
    {
        var cut = RenderUnit(Peruvian);

        Assert.Contains("Hora de Perú (Lima)", Text(cut, "unit-subtitle"), StringComparison.Ordinal);
        Assert.DoesNotContain("America/", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_LeavesTheFeed()
    {
        var cut = RenderUnit(Umf);
        Assert.Equal(1, _feed.SubscriberCount);

        cut.Instance.Dispose();

        Assert.Equal(0, _feed.SubscriberCount);
    }

    [Fact]
    public void StaffRoleCounts_ShowTheUnitsComplaintsByRoleInSpanishWithMistreatmentLinked()
    {
        _store.StaffRoles = [new StaffRoleCount("pharmacy", 9, 2), new StaffRoleCount("medical-assistant", 14, 6), new StaffRoleCount(null, 4, 1)];

        var cut = RenderUnit(Umf);

        var (filter, scope) = _store.StaffRoleFilters.Last();
        Assert.Equal((Umf.Code, CaseKind.Complaint, ReadScope.All), (filter.UnitCode, filter.Kind, scope));
        Assert.Equal(Overview.DefaultPeriodDays - 1, filter.OpenedTo!.Value.DayNumber - filter.OpenedFrom!.Value.DayNumber);
        var table = cut.Find("[data-testid='staff-role-counts']").TextContent;
        Assert.Contains("Quejas por personal señalado", table, StringComparison.Ordinal);
        Assert.Contains("Mal trato", table, StringComparison.Ordinal);
        // Most mistreatment first, the unspecified last; IMSS's own names, never the codes.
        Assert.Equal(["Asistente médica", "Farmacia", "Sin especificar"],
            cut.FindAll("[data-testid^='staff-role-name-']").Select(e => e.TextContent.Trim()));
        Assert.DoesNotContain("medical-assistant<", cut.Find("[data-testid='staff-role-table']").InnerHtml, StringComparison.Ordinal);
        Assert.Equal(("14", "6"), (Text(cut, "staff-role-cases-medical-assistant"), Text(cut, "staff-role-mistreatment-medical-assistant")));
        var mistreatment = cut.Find("[data-testid='staff-role-mistreatment-medical-assistant']").GetAttribute("href")!;
        Assert.StartsWith($"/unidades/{Umf.Code}?", mistreatment, StringComparison.Ordinal);
        Assert.Contains("kind=Complaint", mistreatment, StringComparison.Ordinal);
        Assert.Contains("category=mistreatment", mistreatment, StringComparison.Ordinal);
        Assert.Contains("staffRole=medical-assistant", mistreatment, StringComparison.Ordinal);
        Assert.Contains("status=all", mistreatment, StringComparison.Ordinal);
        Assert.DoesNotContain("category=", cut.Find("[data-testid='staff-role-cases-pharmacy']").GetAttribute("href"), StringComparison.Ordinal);
        // Cases without a role cannot be listed by role: counted, not linked.
        Assert.Null(cut.Find("[data-testid='staff-role-cases-unspecified']").GetAttribute("href"));
    }

    [Fact]
    public void StaffRoleCounts_AtEsSalud_SpeakOfReclamosAndTecnicos()
    {
        _store.Cases = [Case("QR-1", Peruvian, hoursAgo: 2)];
        _store.StaffRoles = [new StaffRoleCount("medical-assistant", 3, 3)];

        var cut = RenderUnit(Peruvian, "?from=2026-11-01&to=2026-11-15");

        var (filter, _) = _store.StaffRoleFilters.Last();
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 15)), (filter.OpenedFrom, filter.OpenedTo));
        Assert.Contains("Reclamos por personal señalado", Text(cut, "staff-role-counts"), StringComparison.Ordinal);
        Assert.Equal("Técnico asistencial", Text(cut, "staff-role-name-medical-assistant"));
        Assert.Contains("Maltrato", Text(cut, "staff-role-counts"), StringComparison.Ordinal);
    }

    [Fact]
    public void StaffRoleFilter_OfTheLinkReachesTheGridAndListsTheUnitsRoles()
    {
        _store.Cases = [Case("QJ-NEW", Umf, hoursAgo: 2) with { StaffRole = "pharmacy" }];

        var cut = RenderUnit(Umf, "?staffRole=pharmacy");

        Assert.Equal("pharmacy", _store.PageQueries.Last().Filter.StaffRole);
        Assert.Equal("Farmacia", Text(cut, "staff-role-QJ-NEW"));
        var select = Select(cut, "filter-staff-role");
        Assert.Equal("pharmacy", MudBlazor.Extensions.ComponentBaseWithStateExtensions.GetState(select.Instance, x => x.Value));
        Assert.Equal("Farmacia", select.Instance.ToStringFunc!("pharmacy"));
        Assert.Equal("Vigilancia", select.Instance.ToStringFunc!("security"));
    }
}
