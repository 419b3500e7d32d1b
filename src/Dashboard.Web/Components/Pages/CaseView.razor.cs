using System.Globalization;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// One case: its clocks, its timeline and what the viewer may do next. Every action is an event through the
/// case-event service, exactly as a source system would send it; the page never writes the case itself.
/// </summary>
public sealed partial class CaseView : IDisposable
{
    private CaseState? _case;
    private IReadOnlyList<StoredCaseEvent> _timeline = [];
    private string? _agentId;
    private string? _note;
    private LiveView? _live;
    private string? _viewedCaseId;
    private bool _revealed;
    private string? _revealReason;

    /// <summary>A reason someone else can understand later in the audit log ("llamada de seguimiento al derechohabiente").</summary>
    public const int MinimumReasonLength = 10;

    [Parameter] public string CaseId { get; set; } = "";

    [Inject] private ICaseReader Cases { get; set; } = default!;

    [Inject] private ICaseEventLog Events { get; set; } = default!;

    [Inject] private CaseEventService Service { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private Security.AuditTrail Audit { get; set; } = default!;

    [Inject] private IStringLocalizer<CaseView> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Shared.Vocabulary> V { get; set; } = default!;


    private Unit? Unit => _case is null ? null : Catalogue.Current.FindUnit(_case.UnitCode);

    private string UnitName => Unit?.Name ?? _case?.UnitCode ?? "";

    private IEnumerable<Agent> Agents => Catalogue.Current.Snapshot.Agents.Where(a => a.UnitCode == _case?.UnitCode).OrderBy(a => a.Name, StringComparer.CurrentCulture);

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _live?.Dispose();
        // Another person, a source system or the sweep may change the case while it is open here.
        var caseId = CaseId;
        _live = Watch(LoadAsync, e => e.CaseId == caseId);
    }

    private async Task LoadAsync()
    {
        _case = await Cases.ReadByIdAsync(CaseId, Scope);
        _timeline = _case is null ? [] : await Events.ReadByCaseAsync(CaseId, Scope);
        _agentId ??= _case?.AgentId;
        if (_case is not null && _viewedCaseId != CaseId)
        {
            // Once per case opened, not per live refresh.
            _viewedCaseId = CaseId;
            _revealed = false;
            await Audit.RecordAsync(Viewer, Core.Access.AuditAction.CaseViewed, CaseId, Core.Access.AuditOutcome.Success);
        }
    }

    private async Task RevealAsync()
    {
        var reason = _revealReason?.Trim() ?? "";
        if (_case?.InsuredId is null || reason.Length < MinimumReasonLength || !Can(Core.Access.Permission.RevealIdentifier))
        {
            return;
        }

        // Written before it is shown: no reveal without its line in the audit log.
        await Audit.RecordAsync(Viewer, Core.Access.AuditAction.IdentifierRevealed, CaseId, Core.Access.AuditOutcome.Success, reason);
        _revealed = true;
        _revealReason = null;
    }

    private async Task ActAsync(CaseEventData data)
    {
        // The buttons are only drawn for those allowed; this holds even for a crafted event from the browser.
        if (!Can(Core.Access.Permission.ActOnCase) || (data is CaseEscalatedData && !Can(Core.Access.Permission.Escalate)))
        {
            return;
        }

        AppendResult result;
        try
        {
            result = await Service.AppendAsync([new CaseEvent(Guid.NewGuid(), CaseId, Time.GetUtcNow(), data)]);
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
            Snackbar.Add(L["Done", V[$"Event{data.Type}"]], Severity.Success);
        }
        else
        {
            Snackbar.Add(L["Refused", result.Reason ?? ""], Severity.Error);
        }

        await LoadAsync();
    }

    /// <summary>"Derechohabiente (NSS)" at an IMSS unit, "Asegurado (DNI)" at an EsSalud one, whatever the reader's language.</summary>
    private string InsuredLabel(Institution institution)
    {
        var word = V.Word("Insured", institution);
        return $"{char.ToUpper(word[0], CultureInfo.CurrentCulture)}{word[1..]} ({V.Word("InsuredIdName", institution)})";
    }

    private string Local(DateTimeOffset? at) =>
        at is { } instant && _case is { } c ? Catalogue.UnitTime(c.UnitCode, instant).ToString("g", CultureInfo.CurrentCulture) : "—";

    /// <summary>How long is left (or how late it is) on the running resolution clock.</summary>
    private string Countdown(CaseSla sla)
    {
        if (sla.Resolution is not { IsRunning: true } clock || sla.PausedAt is not null)
        {
            return "";
        }

        var left = clock.DueAt - Time.GetUtcNow();
        var span = left.Duration();
        var text = span.TotalDays >= 1 ? $"{(int)span.TotalDays} d {span.Hours} h" : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" : $"{span.Minutes} min";
        return left >= TimeSpan.Zero ? L["DueIn", text] : L["LateBy", text];
    }

    private string Detail(StoredCaseEvent e) => CaseEventJson.DeserializeData(e.Type, e.DataJson) switch
    {
        CaseOpenedData o => $"{o.Summary} ({o.Channel})",
        CaseAssignedData a => Catalogue.Current.Snapshot.Agents.FirstOrDefault(x => x.Id == a.AgentId)?.Name ?? a.AgentId,
        NoteAddedData n => n.Text,
        CasePausedData p => p.Reason.ToString(),
        CaseEscalatedData x => $"{V[$"Level{x.Level}"]}: {x.Reason}",
        CaseResolvedData r => r.Summary,
        CaseClosedData { Satisfaction: { } s } => $"{s}/5",
        CaseReopenedData r => r.Reason,
        CaseReclassifiedData r => string.Join(" · ", new[] { r.Category, r.Priority?.ToString(), r.Complex?.ToString() }.Where(v => v is not null)),
        SlaWarningData w => $"{w.Clock}: {Local(w.DueAt)}",
        SlaBreachedData b => $"{b.Clock}: {Local(b.DueAt)}",
        _ => "",
    };

    private static Color SlaColor(SlaState state) => state switch
    {
        SlaState.Breached => Color.Error,
        SlaState.AtRisk => Color.Warning,
        SlaState.Met => Color.Success,
        _ => Color.Default,
    };

    public void Dispose() => _live?.Dispose();
}
