using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Reads;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Controls;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// A unit's cases, a page at a time from the database, filtered (from the link, so a number elsewhere opens the cases
/// behind it) and sorted there; the técnicas' workload and the open cases' ages above. Live, with a pause switch.
/// </summary>
public sealed partial class UnitPage : IDisposable
{
    private IReadOnlyList<AgentWorkload> _workload = [];
    private CaseListLink _link = new();
    private CaseGrid? _cases;
    private StaffRoleCounts? _staffRoles;
    private LiveView? _live;
    private string _updatedAt = "";

    [Parameter] public string UnitCode { get; set; } = "";

    [Inject] private IStringLocalizer<CommitteesPage> CommitteeWords { get; set; } = default!;

    [Inject] private IWorkloadReader Cases { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IStringLocalizer<UnitPage> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;

    /// <summary>The unit, when it exists and the viewer may see it; a unit outside the scope is answered as a missing one.</summary>
    private Unit? Unit => Catalogue.Current.FindUnit(UnitCode) is { } unit && MaySee(unit) ? unit : null;

    private Region? Region => Unit is { } unit ? Catalogue.Current.FindRegion(unit.RegionCode) : null;

    private string UnitName => Unit?.Name ?? UnitCode;

    private CaseFilter Fixed => new() { UnitCode = UnitCode };

    /// <summary>What the staff-role counts cover: the link's opening period, or the overview's last days up to the unit's today.</summary>
    private (DateOnly From, DateOnly To) Period
    {
        get
        {
            var today = DateOnly.FromDateTime(Catalogue.UnitTime(UnitCode, Time.GetUtcNow()).DateTime);
            var to = _link.Filter.OpenedTo ?? today;
            var from = _link.Filter.OpenedFrom ?? to.AddDays(1 - Overview.DefaultPeriodDays);
            return (from <= to ? from : to, to);
        }
    }

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        Navigation.LocationChanged += OnLocationChanged;
        _live = Watch(RefreshAsync, e => e.UnitCode == UnitCode);
    }

    protected override async Task OnParametersSetAsync()
    {
        ReadLink(Navigation.Uri);
        await LoadingAsync(LoadAsync);
    }

    /// <summary>The grid's filters from the address, always within this unit.</summary>
    private void ReadLink(string uri)
    {
        var link = CaseListLink.Parse(uri);
        _link = link with { Filter = link.Filter with { UnitCode = UnitCode } };
    }

    private async Task LoadAsync()
    {
        _workload = Unit is null ? [] : await ReadOncePerLoadAsync($"workload:{UnitCode}", () => Cases.ReadWorkloadAsync(UnitCode, Scope));
        _updatedAt = Catalogue.UnitTime(UnitCode, Time.GetUtcNow()).ToString("HH:mm:ss", CultureInfo.CurrentCulture);
    }

    private async Task RefreshAsync()
    {
        await LoadAsync();
        if (_cases is not null)
        {
            await _cases.RefreshAsync();
        }

        if (_staffRoles is not null)
        {
            await _staffRoles.RefreshAsync();
        }
    }

    /// <summary>A filter changed in the grid: it goes into the address (shareable), which the page reads back.</summary>
    private void OnLinkChanged(CaseListLink link) => Navigation.NavigateTo((link with { Filter = link.Filter with { UnitCode = UnitCode } }).Href);

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        // Another unit's address comes through the parameters; here only this unit's filters changing.
        if (e.Location.Split('?', '#')[0].EndsWith($"/{Uri.EscapeDataString(UnitCode)}", StringComparison.Ordinal))
        {
            _ = InvokeAsync(() =>
            {
                ReadLink(e.Location);
                StateHasChanged();
            });
        }
    }

    private string AgentName(string? id) => id is null ? L["Unassigned"] : Catalogue.Current.Snapshot.Agents.FirstOrDefault(a => a.Id == id)?.Name ?? L["AgentNotInCatalogue"];

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _live?.Dispose();
    }
}
