using System.Globalization;
using Dashboard.Core.Access;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Live;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// A técnica's desk: her open cases, nearest deadline first with the time left counting down, and her unit's new cases
/// nobody has taken yet. A case of hers opens its actions in place; taking one is one assignment event with her as
/// its actor. Live: any event of her scope reads the desk again, and the countdowns are redrawn every half minute.
/// </summary>
public sealed partial class MyCasesPage : IDisposable
{
    private static readonly TimeSpan Redraw = TimeSpan.FromSeconds(30);

    private IReadOnlyList<CaseState> _mine = [];
    private IReadOnlyList<CaseState> _untaken = [];
    private string? _selectedId;
    private CaseState? _selected;
    private bool _busy;
    private LiveView? _live;
    private ITimer? _clock;

    [Inject] private IMyCasesReader Desk { get; set; } = default!;

    [Inject] private ICaseReader Cases { get; set; } = default!;

    [Inject] private CaseEventService Service { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private IStringLocalizer<MyCasesPage> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;

    /// <summary>Only a técnica takes a case: it is assigned to her own name, which the agents catalogue holds.</summary>
    private bool MayTake => Viewer.AccountRole() == Role.Agent && Can(Permission.ActOnCase);

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadAsync();
        _live = Watch(LoadAsync);
        // The time left moves without any event: redraw it, no read needed.
        _clock = Time.CreateTimer(_ => _ = InvokeAsync(StateHasChanged), null, Redraw, Redraw);
    }

    private async Task LoadAsync()
    {
        _mine = await Desk.ReadAssignedOpenAsync(Viewer.AgentId(), Scope);
        _untaken = MayTake ? await Desk.ReadUnassignedNewAsync(Scope) : [];
        _selected = _selectedId is null ? null : _mine.FirstOrDefault(c => c.CaseId == _selectedId) ?? await Cases.ReadByIdAsync(_selectedId, Scope);
        if (_selected is { } s && (s.Status == CaseStatus.Closed || s.AgentId != Viewer.AgentId()))
        {
            // Closed, or now someone else's: nothing more to do with it here.
            _selectedId = null;
            _selected = null;
        }
    }

    private async Task Toggle(string caseId)
    {
        _selectedId = _selectedId == caseId ? null : caseId;
        _selected = _selectedId is null ? null : _mine.FirstOrDefault(c => c.CaseId == caseId) ?? _selected;
        await Task.CompletedTask;
    }

    private async Task OnRowKey(KeyboardEventArgs e, string caseId)
    {
        if (e.Key is "Enter" or " ")
        {
            await Toggle(caseId);
        }
    }

    private async Task TakeAsync(string caseId)
    {
        if (!MayTake || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            AppendResult result;
            try
            {
                result = await Service.AppendAsync([new CaseEvent(Guid.NewGuid(), caseId, Time.GetUtcNow(), new CaseAssignedData(Viewer.AgentId()))], Viewer.CaseActor());
            }
            catch (Exception ex) when (Data.StorageFaults.Describe(ex) is not null)
            {
                Snackbar.Add(L["StorageUnavailable"], Severity.Error);
                return;
            }

            if (result.Outcome == AppendOutcome.Committed)
            {
                Snackbar.Add(L["Taken", caseId], Severity.Success);
                _selectedId = caseId;
            }
            else
            {
                Snackbar.Add(L["Refused", result.Reason ?? ""], Severity.Error);
            }

            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The deadline of the clock still running: first response until it is met, then resolution.</summary>
    internal static DateTimeOffset? DueOf(CaseState c) =>
        c.Sla is not { } sla ? null : sla.FirstResponse is { MetAt: null } first ? first.DueAt : sla.Resolution is { MetAt: null } resolution ? resolution.DueAt : null;

    private bool IsOverdue(CaseState c) => c.Status != CaseStatus.Paused && DueOf(c) is { } due && due <= Time.GetUtcNow();

    private string DueText(CaseState c)
    {
        if (c.Status == CaseStatus.Paused)
        {
            return L["Paused"];
        }

        if (DueOf(c) is not { } due || c.Sla is not { } sla)
        {
            return L["NoDeadline"];
        }

        var clock = sla.FirstResponse is { MetAt: null } ? L["ClockFirstResponse"] : L["ClockResolution"];
        var left = due - Time.GetUtcNow();
        return left > TimeSpan.Zero ? L["DueIn", clock, Span(left)] : L["LateBy", clock, Span(left.Duration())];
    }

    /// <summary>"45 min", "2 h 05", "3 d 4 h" — whole minutes, rounded up while counting down.</summary>
    private string Span(TimeSpan span)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(span.TotalMinutes));
        return minutes < 60 ? string.Format(CultureInfo.CurrentCulture, L["Minutes"], minutes)
            : minutes < 24 * 60 ? string.Format(CultureInfo.CurrentCulture, L["HoursMinutes"], minutes / 60, minutes % 60)
            : string.Format(CultureInfo.CurrentCulture, L["DaysHours"], minutes / (24 * 60), minutes / 60 % 24);
    }

    private string Age(CaseState c) => L["OpenedAgo", Span(Time.GetUtcNow() - c.OpenedAt)];

    private string StatusText(CaseState c) => c.Status == CaseStatus.Paused && c.PauseReason is { } reason
        ? $"{V["StatusPaused"]} · {L[$"PauseReason{reason}", V.Word("Insured", c.Institution)]}"
        : V[$"Status{c.Status}"];

    /// <summary>Kind and category, staff role if any, and the unit when the viewer sees more than one.</summary>
    private string About(CaseState c)
    {
        var parts = new List<string> { V.Word($"Kind{c.Kind}", c.Institution), V.CaseCategory(c.Kind, c.Institution, c.Category) };
        if (c.StaffRole is { } role)
        {
            parts.Add($"{V["StaffRole"]}: {Vocabulary.StaffRoleName(c.Institution, role)}");
        }

        if (Scope.Level != ScopeLevel.Unit)
        {
            parts.Add(Catalogue.Current.FindUnit(c.UnitCode)?.Name ?? L["UnitUnknown"]);
        }

        return string.Join(" · ", parts);
    }

    public void Dispose()
    {
        _live?.Dispose();
        _clock?.Dispose();
    }
}
