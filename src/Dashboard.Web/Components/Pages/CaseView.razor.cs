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
    private LiveView? _live;
    private string? _viewedCaseId;
    private bool _revealed;
    private string? _revealReason;

    /// <summary>A reason someone else can understand later in the audit log ("llamada de seguimiento al derechohabiente").</summary>
    public const int MinimumReasonLength = 10;

    [Parameter] public string CaseId { get; set; } = "";

    [Inject] private ICaseReader Cases { get; set; } = default!;

    [Inject] private ICaseEventLog Events { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private Security.AuditTrail Audit { get; set; } = default!;

    [Inject] private IStringLocalizer<CaseView> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Shared.Vocabulary> V { get; set; } = default!;

    [Inject] private Microsoft.Extensions.Options.IOptions<Wall.WallOptions> WallSettings { get; set; } = default!;


    private Unit? Unit => _case is null ? null : Catalogue.Current.FindUnit(_case.UnitCode);

    private string UnitName => Unit?.Name ?? _case?.UnitCode ?? "";

    /// <summary>The module where the case was registered, by its name when the catalogue knows it.</summary>
    private string? ModuleName => _case?.ModuleCode is { } code ? Catalogue.Current.Snapshot.Modules.FirstOrDefault(m => m.Code == code)?.Name ?? code : null;

    private string RegionName => _case is { } c ? Catalogue.Current.FindRegion(c.RegionCode)?.Name ?? c.RegionCode : "";

    /// <summary>Every time on this page is on the unit's clock.</summary>
    private string Zone => Unit?.TimeZone ?? WallSettings.Value.TimeZone;

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

    private string Local(DateTimeOffset? at) => at is { } instant && _case is not null ? Times.Format(instant, Zone) : "—";

    /// <summary>
    /// The case's category; a compliment praises, so its category is what was praised ("Elogio: el trato recibido"),
    /// never shown as if it were a complaint's.
    /// </summary>
    private string CategoryText(CaseState c) => CategoryText(c.Kind, c.Institution, c.Category);

    private string CategoryText(CaseKind kind, Institution institution, string category) => V.CaseCategory(kind, institution, category);

    /// <summary>
    /// The SLA policy as people name it ("Queja IMSS compleja"), never its id: the shipped profiles' names are in the
    /// resource files; another profile's policy goes by the title its file gives it.
    /// </summary>
    private string PolicyText(Institution institution, string policy) =>
        L[$"Policy_{policy.Replace('-', '_')}"] is { ResourceNotFound: false } text ? text.Value
        : Dashboard.Core.Profiles.InstitutionProfiles.Current.Find(institution)?.Policies.Named(policy)?.Title ?? L["PolicyUnknown"];

    private string AgentName(string agentId) =>
        Catalogue.Current.Snapshot.Agents.FirstOrDefault(x => x.Id == agentId)?.Name ?? L["AgentNotInCatalogue"];

    private string ClockName(SlaClockKind clock) => L[$"Clock{clock}"];

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
        CaseOpenedData o => $"{o.Summary} ({L["ChannelIn", V[$"Channel{o.Channel}"]]})",
        CaseAssignedData a => AgentName(a.AgentId),
        NoteAddedData n => n.Text,
        CasePausedData p => L[$"PauseReason{p.Reason}", V.Word("Insured", _case?.Institution)],
        CaseEscalatedData x => $"{V.Level(x.Level, _case?.Institution, Unit?.Type)}: {x.Reason}",
        CaseResolvedData r => r.Summary,
        CaseClosedData { Satisfaction: { } s } => $"{s}/5",
        CaseReopenedData r => r.Reason,
        CaseImpactFlaggedData f => f.Reason,
        CaseReclassifiedData r => string.Join(" · ", new[]
        {
            r.Category is { } category && _case is { } c ? CategoryText(c.Kind, c.Institution, category) : null,
            r.Priority is { } priority ? $"{L["PriorityLabel"]} {V[$"Priority{priority}"]}" : null,
            r.Complex is { } complex ? (complex ? L["Complexity"].Value : L["NotComplex"].Value) : null,
        }.Where(v => v is not null)),
        SlaWarningData w => $"{ClockName(w.Clock)}: {Local(w.DueAt)}",
        SlaBreachedData b => $"{ClockName(b.Clock)}: {Local(b.DueAt)}",
        SlaBreachWithdrawnData w => V["BreachWithdrawnDetail", ClockName(w.Clock), Local(w.DueAt), V[$"Event{w.LateEventType}"], Local(w.LateEventOccurredAt)],
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
