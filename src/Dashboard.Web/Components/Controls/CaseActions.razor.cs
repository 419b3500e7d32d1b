using Dashboard.Core.Access;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Components.Controls;

/// <summary>
/// What the viewer may do next with one case: take it, assign it, add a note, pause it for a reason, resume, resolve,
/// close it with the insured person's satisfaction, escalate. Each action is one event through the case-event service
/// with the viewer as its actor; the component never writes the case itself.
/// </summary>
public sealed partial class CaseActions
{
    private string? _agentId;
    private string? _note;
    private string? _impactReason;
    private PauseReason _pauseReason = PauseReason.AwaitingInsured;
    private int? _satisfaction;
    private string? _shownCaseId;

    /// <summary>The case as last read; the parent reads it again after <see cref="Changed"/>.</summary>
    [Parameter, EditorRequired] public CaseState? Case { get; set; }

    /// <summary>Called after an action was stored (or refused), so the parent reads the case again.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    [Parameter] public string? Class { get; set; }

    [Inject] private CaseEventService Service { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private IStringLocalizer<CaseActions> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;

    private IEnumerable<Agent> Agents => Catalogue.Current.Snapshot.Agents.Where(a => a.UnitCode == Case?.UnitCode).OrderBy(a => a.Name, StringComparer.CurrentCulture);

    protected override void OnParametersSet()
    {
        if (Case?.CaseId != _shownCaseId)
        {
            // Another case: nothing typed for the previous one carries over.
            _shownCaseId = Case?.CaseId;
            _note = null;
            _agentId = null;
            _satisfaction = null;
            _pauseReason = PauseReason.AwaitingInsured;
        }

        _agentId ??= Case?.AgentId;
    }

    /// <summary>A técnica takes a new case of her unit that nobody has yet.</summary>
    private bool MayTake(CaseState c) =>
        c.Status == CaseStatus.New && c.AgentId is null && Viewer.AccountRole() == Role.Agent && Scope.Allows(c.RegionCode, c.UnitCode, _ => c.Institution.ToString());

    private string ReasonText(PauseReason reason, CaseState c) => L[$"PauseReason{reason}", V.Word("Insured", c.Institution)];

    private string SatisfactionText(int? score) => score is { } s ? L[$"Satisfaction{s}"] : L["SatisfactionNone"];

    private string AgentName(string agentId) =>
        Catalogue.Current.Snapshot.Agents.FirstOrDefault(x => x.Id == agentId)?.Name ?? L["AgentNotInCatalogue"];

    private Task TakeAsync() => ActAsync(new CaseAssignedData(Viewer.AgentId()));

    private async Task ActAsync(CaseEventData data)
    {
        // The buttons are only drawn for those allowed; this holds even for a crafted event from the browser.
        if (Case is not { } c || !Can(Permission.ActOnCase) || (data is CaseEscalatedData or CaseImpactFlaggedData && !Can(Permission.Escalate)))
        {
            return;
        }

        AppendResult result;
        try
        {
            result = await Service.AppendAsync([new CaseEvent(Guid.NewGuid(), c.CaseId, Time.GetUtcNow(), data)], Viewer.CaseActor());
        }
        catch (Exception ex) when (Data.StorageFaults.Describe(ex) is not null)
        {
            // Nothing was stored: the person hears it and may try again; the page and its circuit stay.
            Snackbar.Add(L["StorageUnavailable"], Severity.Error);
            return;
        }

        if (result.Outcome == AppendOutcome.Committed)
        {
            _note = null;
            _satisfaction = null;
            _impactReason = null;
            Snackbar.Add(L["Done", V[$"Event{data.Type}"]], Severity.Success);
        }
        else
        {
            Snackbar.Add(L["Refused", result.Reason ?? ""], Severity.Error);
        }

        await Changed.InvokeAsync();
    }
}
