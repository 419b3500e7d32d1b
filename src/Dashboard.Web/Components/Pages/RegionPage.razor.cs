using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Reads;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// One region (OOAD / Red): its units with their open cases, complex, at risk, overdue, breached today (each on the
/// unit's own day) and the age of the oldest open case, sortable by any column, every number a link to the unit's
/// cases behind it. Live like the regions page, with a pause switch.
/// </summary>
public sealed partial class RegionPage : IDisposable
{
    private IReadOnlyList<UnitCounts> _rows = [];
    private string _updatedAt = "";
    private LiveView? _live;
    private Controls.StaffRoleCounts? _staffRoles;
    private readonly TableSort<UnitCounts> _sort;

    public RegionPage()
    {
        _sort = new(new Dictionary<string, Func<UnitCounts, object?>>
        {
            [UnitColumn] = u => u.UnitName,
            ["open"] = u => u.OpenCases,
            ["complex"] = u => u.OpenComplex,
            ["at-risk"] = u => u.AtRisk,
            ["overdue"] = u => u.Overdue,
            ["breached-today"] = u => u.BreachedToday,
            ["oldest"] = OldestAge,
        }, "open", descending: true);
    }

    private const string UnitColumn = "unit";

    /// <summary>The table's columns: each sort key with its header.</summary>
    private IReadOnlyList<(string Column, string Label)> Columns =>
    [
        (UnitColumn, L["Unit"]), ("open", L["Open"]), ("complex", L["OpenComplex"]), ("at-risk", L["AtRisk"]),
        ("overdue", L["Overdue"]), ("breached-today", L["BreachedToday"]), ("oldest", L["OldestOpen"]),
    ];

    [Parameter] public string RegionCode { get; set; } = "";

    [Inject] private IRegionReader Cases { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private IStringLocalizer<RegionPage> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;


    /// <summary>The region, when it exists and the viewer may see it; a region outside the scope is answered as a missing one.</summary>
    private Region? Region => Catalogue.Current.FindRegion(RegionCode) is { } region && MaySee(region, u => Catalogue.Current.FindUnit(u)?.RegionCode) ? region : null;

    private string RegionName => Region?.Name ?? RegionCode;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _live = Watch(RefreshAsync, e => e.RegionCode == RegionCode);
    }

    protected override Task OnParametersSetAsync() => LoadingAsync(LoadAsync);

    private async Task LoadAsync()
    {
        var now = Time.GetUtcNow();
        _rows = Region is null ? [] : await ReadOncePerLoadAsync($"units:{RegionCode}", () => Cases.ReadUnitCountsAsync(RegionCode, Scope, Catalogue.DaysAt(now), now));
        var zone = Region is { } r ? TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone) : TimeZoneInfo.Utc;
        _updatedAt = TimeZoneInfo.ConvertTime(now, zone).ToString("HH:mm:ss", CultureInfo.CurrentCulture);
    }

    private async Task RefreshAsync()
    {
        await LoadAsync();
        if (_staffRoles is not null)
        {
            await _staffRoles.RefreshAsync();
        }
    }

    /// <summary>What the staff-role counts cover: the overview's last days up to the region's today.</summary>
    private (DateOnly From, DateOnly To) Period
    {
        get
        {
            var zone = Region is { } r ? TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone) : TimeZoneInfo.Utc;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Time.GetUtcNow(), zone).DateTime);
            return (today.AddDays(1 - Overview.DefaultPeriodDays), today);
        }
    }

    /// <summary>The region's cases behind a total.</summary>
    private string RegionHref(CaseListLink link) => (link with { Filter = link.Filter with { RegionCode = RegionCode } }).Href;

    /// <summary>A unit's cases behind one of its numbers: its own page, filtered.</summary>
    private static string UnitHref(string unitCode, CaseListLink link) => (link with { Filter = link.Filter with { UnitCode = unitCode } }).Href;

    private object OldestAge(UnitCounts u) => u.OldestOpenedAt is { } at ? Time.GetUtcNow() - at : TimeSpan.Zero;

    private string Age(DateTimeOffset? oldest)
    {
        if (oldest is not { } at)
        {
            return "—";
        }

        var age = Time.GetUtcNow() - at;
        return age.TotalDays >= 1
            ? string.Format(CultureInfo.CurrentCulture, L["DaysHours"], (int)age.TotalDays, age.Hours)
            : string.Format(CultureInfo.CurrentCulture, L["Hours"], Math.Max(0, (int)age.TotalHours));
    }

    /// <summary>A number's link, in the number's colour when it is not zero.</summary>
    private static string Link(int value, string color) => value > 0 ? $"tablero-link mud-{color}-text" : "tablero-link";

    /// <summary>A count; a dash while the page reads (not a zero that is not one).</summary>
    private string N(int value) => Loading ? "—" : value.ToString("N0", CultureInfo.CurrentCulture);

    public void Dispose() => _live?.Dispose();
}
