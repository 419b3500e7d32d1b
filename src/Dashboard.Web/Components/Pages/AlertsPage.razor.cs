using Dashboard.Core.Alerts;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// Escalation alerts in scope, newest first, with acknowledgement (which stops the e-mail reminders). Alerts are
/// created by a job a moment after their escalation (perhaps on another instance), so the list re-reads on each
/// escalation and every few seconds besides.
/// </summary>
public sealed partial class AlertsPage : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(3);

    private IReadOnlyList<Alert> _alerts = [];
    private bool _pendingOnly = true;
    private LiveView? _live;

    [Inject] private IAlertStore Store { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private IStringLocalizer<AlertsPage> L { get; set; } = default!;

    [Inject] private Microsoft.Extensions.Options.IOptions<Wall.WallOptions> WallSettings { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;


    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadAsync();
        _live = Watch(LoadAsync, e => e.Type is Core.Cases.CaseEventType.CaseEscalated or Core.Cases.CaseEventType.SlaBreachWithdrawn, every: RefreshInterval);
    }

    private async Task LoadAsync() => _alerts = await Store.ListAsync(Scope, _pendingOnly, 200);

    private async Task OnPendingOnlyChangedAsync(bool pendingOnly)
    {
        _pendingOnly = pendingOnly;
        await LoadAsync();
    }

    private async Task AcknowledgeAsync(Alert alert)
    {
        if (!Can(Core.Access.Permission.AcknowledgeAlert))
        {
            return;
        }

        await Store.AcknowledgeAsync(alert.Id, Security.TableroClaims.ShownName(Viewer), Time.GetUtcNow(), Scope);
        await LoadAsync();
    }

    private string UnitName(string code) => Catalogue.Current.FindUnit(code)?.Name ?? code;

    private string RegionName(string code) => Catalogue.Current.FindRegion(code)?.Name ?? code;

    /// <summary>The level in the case's institution's own structure (a UMAE's committee, an EsSalud Red).</summary>
    private string LevelName(Core.Alerts.Alert alert) => Catalogue.Current.FindUnit(alert.UnitCode) is { } unit
        ? V.Level(alert.Level, unit.Institution, unit.Type)
        : V.Level(alert.Level, null);

    /// <summary>In the unit's own time zone, as the people of that unit read their clocks.</summary>
    /// <summary>A time on its unit's clock, marked with the zone's short name when the list spans zones ("CDMX", "Lima").</summary>
    private string LocalTime(string unitCode, DateTimeOffset at) => V.TimeIn(at, ZoneOf(unitCode), SpansZones);

    private string ZoneOf(string unitCode) => Times.UnitZone(Catalogue.Current, unitCode, WallSettings.Value.TimeZone);

    private bool SpansZones => _alerts.Select(a => a.UnitCode).Select(ZoneOf).Distinct(StringComparer.Ordinal).Skip(1).Any();

    public void Dispose() => _live?.Dispose();
}
