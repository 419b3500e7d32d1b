using Bunit;
using Dashboard.Core.Access;
using Dashboard.Core.Cases;
using Dashboard.Core.Live;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Components;

public sealed class MyCasesPageTests : PageTestContext
{
    private const string Tecnica = "rosa.tellez";
    private readonly CatalogueService _catalogue = TestCatalogue.Create();
    private readonly InProcessLiveFeed _feed = new(NullLogger<InProcessLiveFeed>.Instance, TestCatalogue.Create());
    private readonly DeskStores _stores;

    public MyCasesPageTests()
    {
        _stores = new DeskStores(_catalogue.Context);
        Services.AddCaseReaders(_stores);
        Services.AddSingleton<IMyCasesReader>(_stores);
        Services.AddSingleton<ILiveFeed>(_feed);
        Services.AddSingleton(_catalogue);
        Services.AddSingleton(new CaseEventService(_stores, _feed, () => _catalogue.Context, TimeProvider.System));
        SignInAs(Role.Agent, ReadScope.ForUnit(TableroFactory.JaliscoUnit.Code), Tecnica);
    }

    private void Open(string caseId, TimeSpan ago, string? agent, Core.Catalogue.Unit? unit = null, string category = "waiting-time", string? staffRole = null, params CaseEventData[] then)
    {
        var at = DateTimeOffset.UtcNow - ago;
        _stores.With(new CaseEvent(Guid.NewGuid(), caseId, at, new CaseOpenedData((unit ?? TableroFactory.JaliscoUnit).Code, CaseKind.Complaint, Channel.Module, category,
            Priority.Medium, false, "Espera prolongada en la sala de urgencias.", AgentId: agent, StaffRole: staffRole)));
        foreach (var data in then)
        {
            at = at.AddMinutes(5);
            _stores.With(new CaseEvent(Guid.NewGuid(), caseId, at, data));
        }
    }

    private static string[] Ids(IRenderedComponent<MyCasesPage> cut, string list) =>
        cut.FindAll($"[data-testid={list}-row]").Select(r => r.GetAttribute("data-case")!).ToArray();

    [Fact]
    public void Mine_ListsOnlyTheViewersOpenCases_NearestDeadlineFirst_PausedLast()
    {
        Open("QJ-2026-002001", TimeSpan.FromHours(2), Tecnica, staffRole: "physician");
        Open("QJ-2026-002002", TimeSpan.FromDays(12), Tecnica);
        Open("QJ-2026-002003", TimeSpan.FromDays(20), Tecnica, then: new CasePausedData(PauseReason.AwaitingInsured));
        Open("QJ-2026-002004", TimeSpan.FromDays(1), "maria.lopez");
        Open("QJ-2026-002005", TimeSpan.FromDays(3), Tecnica, then: [new CaseResolvedData("attended", "Se dio cita preferente."), new CaseClosedData(5)]);

        var cut = Render<MyCasesPage>();

        Assert.Equal("Mis casos", cut.Find("h1").TextContent);
        Assert.Equal(["QJ-2026-002002", "QJ-2026-002001", "QJ-2026-002003"], Ids(cut, "mine"));
        var rows = cut.FindAll("[data-testid=mine-row]");
        // Twelve days old: long past its deadline, in red.
        var late = rows[0].QuerySelector("[data-testid=mine-due]")!;
        Assert.Contains("vencido hace", late.TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-error-text", late.ClassName, StringComparison.Ordinal);
        Assert.Contains("faltan", rows[1].QuerySelector("[data-testid=mine-due]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Queja · Tiempo de espera · Personal involucrado: Médico", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("/casos/QJ-2026-002001", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("En pausa · espera al derechohabiente", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Equal("Reloj en pausa", rows[2].QuerySelector("[data-testid=mine-due]")!.TextContent.Trim());
    }

    [Fact]
    public void Take_AssignsTheCaseToTheViewerAndItMovesToMisCasos()
    {
        Open("QJ-2026-002101", TimeSpan.FromHours(5), null, category: "mistreatment");
        Open("QJ-2026-002102", TimeSpan.FromHours(1), null);

        var cut = Render<MyCasesPage>();
        Assert.Equal(["QJ-2026-002101", "QJ-2026-002102"], Ids(cut, "untaken"));
        Assert.Equal("No tienes casos abiertos.", cut.Find("[data-testid=mine-empty]").TextContent.Trim());

        cut.FindAll("[data-testid=take]")[0].Click();

        cut.WaitForAssertion(() => Assert.Equal(["QJ-2026-002101"], Ids(cut, "mine")));
        Assert.Equal(["QJ-2026-002102"], Ids(cut, "untaken"));
        var taken = Assert.Single(_stores.Appended);
        Assert.Equal(Tecnica, Assert.IsType<CaseAssignedData>(taken.Event.Data).AgentId);
        Assert.Contains(Tecnica, taken.ActorJson, StringComparison.Ordinal);
        // The case just taken opens its actions in place.
        Assert.NotNull(cut.Find("[data-testid=mine] [data-testid=case-actions]"));
    }

    [Fact]
    public void AnotherUnitsCases_NeverAppear()
    {
        Open("QJ-2026-002201", TimeSpan.FromHours(2), Tecnica);
        Open("QJ-2026-002202", TimeSpan.FromHours(3), Tecnica, TableroFactory.NuevoLeonUnit);
        Open("QJ-2026-002203", TimeSpan.FromHours(4), null, TableroFactory.NuevoLeonUnit);

        var cut = Render<MyCasesPage>();

        Assert.Equal(["QJ-2026-002201"], Ids(cut, "mine"));
        Assert.Empty(Ids(cut, "untaken"));
        Assert.Equal("No hay casos nuevos sin asignar en tu unidad.", cut.Find("[data-testid=untaken-empty]").TextContent.Trim());
        Assert.DoesNotContain("QJ-2026-00220", cut.Markup.Replace("QJ-2026-002201", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void SelectingACase_OpensItsActionsAndAPauseWithAReasonIsStored()
    {
        Open("QJ-2026-002301", TimeSpan.FromHours(2), Tecnica);
        var cut = Render<MyCasesPage>();
        Assert.Empty(cut.FindAll("[data-testid=case-actions]"));

        cut.Find("[data-testid=mine-toggle]").Click();
        cut.Find("[data-testid=act-pause]").Click();

        cut.WaitForAssertion(() => Assert.Contains("En pausa", cut.Find("[data-testid=mine-status]").TextContent, StringComparison.Ordinal));
        Assert.Equal(PauseReason.AwaitingInsured, Assert.IsType<CasePausedData>(Assert.Single(_stores.Appended).Event.Data).Reason);
        Assert.NotNull(cut.Find("[data-testid=act-resume]"));
    }

    [Fact]
    public void ACaseAssignedElsewhere_ArrivesLive()
    {
        var cut = Render<MyCasesPage>();
        Assert.Empty(Ids(cut, "mine"));

        Open("QJ-2026-002401", TimeSpan.FromMinutes(30), Tecnica);
        _feed.Publish([new LiveCaseEvent(50, Guid.NewGuid(), "QJ-2026-002401", CaseEventType.CaseOpened, DateTimeOffset.UtcNow, TableroFactory.JaliscoUnit.RegionCode,
            TableroFactory.JaliscoUnit.Code, CaseStatus.Assigned, false, Priority.Medium, 0)]);

        cut.WaitForAssertion(() => Assert.Equal(["QJ-2026-002401"], Ids(cut, "mine")));
    }
}
