using Bunit;
using Dashboard.Core.Access;
using Dashboard.Core.Cases;
using Dashboard.Core.Live;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Controls;
using Dashboard.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace Dashboard.Web.Tests.Components;

public sealed class CaseActionsTests : PageTestContext
{
    private const string Tecnica = "rosa.tellez";
    private readonly CatalogueService _catalogue = TestCatalogue.Create();
    private readonly DeskStores _stores;

    public CaseActionsTests()
    {
        var feed = new InProcessLiveFeed(NullLogger<InProcessLiveFeed>.Instance, TestCatalogue.Create());
        _stores = new DeskStores(_catalogue.Context);
        Services.AddCaseReaders(_stores);
        Services.AddSingleton<ILiveFeed>(feed);
        Services.AddSingleton(_catalogue);
        Services.AddSingleton(new CaseEventService(_stores, feed, () => _catalogue.Context, TimeProvider.System));
        SignInAs(Role.Agent, ReadScope.ForUnit(TableroFactory.JaliscoUnit.Code), Tecnica);
    }

    private CaseState Opened(string caseId, params CaseEventData[] then)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        _stores.With(new CaseEvent(Guid.NewGuid(), caseId, at, new CaseOpenedData(TableroFactory.JaliscoUnit.Code, CaseKind.Complaint, Channel.Module, "waiting-time",
            Priority.Medium, false, "Espera de dos horas para consulta de medicina familiar.", "12345678901", AgentId: Tecnica)));
        foreach (var data in then)
        {
            at = at.AddMinutes(10);
            _stores.With(new CaseEvent(Guid.NewGuid(), caseId, at, data));
        }

        return _stores[caseId];
    }

    private IRenderedComponent<CaseActions> RenderActions(CaseState state, Action? changed = null) =>
        Render<CaseActions>(p => p.Add(c => c.Case, state).Add(c => c.Changed, () => changed?.Invoke()));

    [Fact]
    public async Task Pause_WithTheChosenReason_AppendsCasePausedWithThatReasonAndTheViewerAsActor()
    {
        var changed = 0;
        var cut = RenderActions(Opened("QJ-2026-001201"), () => changed++);
        var reason = cut.FindComponents<MudSelect<PauseReason>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), "pause-reason"));

        await cut.InvokeAsync(() => reason.Instance.ValueChanged.InvokeAsync(PauseReason.ThirdParty));
        Assert.Equal("Pausar (espera a un tercero)", cut.Find("[data-testid=act-pause]").TextContent.Trim());
        cut.Find("[data-testid=act-pause]").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, changed));
        var paused = Assert.Single(_stores.Appended);
        Assert.Equal(PauseReason.ThirdParty, Assert.IsType<CasePausedData>(paused.Event.Data).Reason);
        Assert.Contains(Tecnica, paused.ActorJson, StringComparison.Ordinal);
        Assert.Contains("Agent", paused.ActorJson, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Paused, _stores["QJ-2026-001201"].Status);
    }

    [Fact]
    public async Task Close_WithSatisfactionFour_AppendsCaseClosedWithIt()
    {
        var resolved = Opened("QJ-2026-001202", new CaseResolvedData("attended", "Se reprogramó la consulta para el mismo día."));
        var cut = RenderActions(resolved);
        Assert.Contains("Satisfacción del derechohabiente", cut.Markup, StringComparison.Ordinal);
        var satisfaction = cut.FindComponents<MudSelect<int?>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), "satisfaction"));

        await cut.InvokeAsync(() => satisfaction.Instance.ValueChanged.InvokeAsync(4));
        cut.Find("[data-testid=act-close]").Click();

        cut.WaitForAssertion(() => Assert.Equal(4, Assert.IsType<CaseClosedData>(Assert.Single(_stores.Appended).Event.Data).Satisfaction));
        Assert.Equal(CaseStatus.Closed, _stores["QJ-2026-001202"].Status);
    }

    [Fact]
    public void Take_OnANewUnassignedCaseOfHerUnit_AssignsItToTheViewer()
    {
        _stores.With(new CaseEvent(Guid.NewGuid(), "QJ-2026-001203", DateTimeOffset.UtcNow.AddHours(-1), new CaseOpenedData(TableroFactory.JaliscoUnit.Code,
            CaseKind.Complaint, Channel.Web, "mistreatment", Priority.High, false, "Trato descortés en el área de farmacia.")));
        var cut = RenderActions(_stores["QJ-2026-001203"]);

        Assert.Equal("Tomar", cut.Find("[data-testid=act-take]").TextContent.Trim());
        cut.Find("[data-testid=act-take]").Click();

        cut.WaitForAssertion(() => Assert.Equal(Tecnica, Assert.IsType<CaseAssignedData>(Assert.Single(_stores.Appended).Event.Data).AgentId));
    }

    [Fact]
    public void Supervisor_SeesNoActions()
    {
        var state = Opened("QJ-2026-001204");
        SignInAs(Role.Supervisor, ReadScope.All);

        var cut = RenderActions(state);

        Assert.Empty(cut.FindAll("[data-testid=case-actions]"));
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void RefusedEvent_ShowsTheReasonAndStoresNothing()
    {
        // Drawn while still assigned, resolved meanwhile elsewhere: the pause is refused by the rules.
        var drawn = Opened("QJ-2026-001205");
        _stores.With(new CaseEvent(Guid.NewGuid(), "QJ-2026-001205", DateTimeOffset.UtcNow.AddMinutes(-1), new CaseResolvedData("attended", "Atendido por la jefatura.")));
        var cut = RenderActions(drawn);

        cut.Find("[data-testid=act-pause]").Click();

        var snackbar = Services.GetRequiredService<ISnackbar>();
        cut.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => (s.Message ?? "").StartsWith("No se registró:", StringComparison.Ordinal)));
        Assert.Empty(_stores.Appended);
    }
}
