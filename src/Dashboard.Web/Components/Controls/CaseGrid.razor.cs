using System.Globalization;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Reads;
using Dashboard.Core.Sla;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Components.Controls;

/// <summary>
/// Cases a page at a time, filtered and sorted by the database: the sortable columns map to the store's closed set of
/// orders (<see cref="CaseSort"/>), the filters are the page's <see cref="CaseListLink"/>. Above the grid, the open
/// cases among them by age.
/// </summary>
public sealed partial class CaseGrid : ComponentBase
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private static readonly string[] StatusValues =
        [CaseListLink.OpenStatus, .. Enum.GetNames<CaseStatus>(), CaseListLink.ClosedStatus, CaseListLink.AnyStatus];

    private readonly GridSort _sort = new();
    private CaseListLink? _loaded;
    private CasePage _page = new([], 0);
    private int _pageIndex;
    private int _pageSize = 25;
    private bool _reading;
    private AgeBuckets _buckets = new(0, 0, 0, 0);
    private HashSet<string> _zones = [];
    private bool _filtersOpen;

    /// <summary>The list's filters (the page reads them from its link).</summary>
    [Parameter, EditorRequired] public CaseListLink Link { get; set; } = new();

    /// <summary>A filter changed: the page puts it in its link, which comes back as <see cref="Link"/>.</summary>
    [Parameter] public EventCallback<CaseListLink> LinkChanged { get; set; }

    /// <summary>What the reader may see (the page's own scope).</summary>
    [Parameter, EditorRequired] public ReadScope Scope { get; set; } = ReadScope.Nothing;

    /// <summary>The institution of every case listed, when there is one: its categories and its words.</summary>
    [Parameter] public Institution? Institution { get; set; }

    /// <summary>A filter the reader cannot clear here (the unit of a unit's page).</summary>
    [Parameter] public CaseFilter Fixed { get; set; } = CaseFilter.None;

    [Parameter] public bool ShowUnit { get; set; }

    [Inject] private ICaseListReader Cases { get; set; } = default!;

    [Inject] private IServiceProvider Services { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private IStringLocalizer<CaseGrid> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;

    [Inject] private Microsoft.Extensions.Options.IOptions<Wall.WallOptions> WallSettings { get; set; } = default!;

    /// <summary>The link with every removable filter gone: the default list (open cases).</summary>
    private CaseListLink Cleared => new() { Filter = Fixed };

    private IEnumerable<(string Code, string Name)> Categories =>
        (Institution is { } i ? [i] : Dashboard.Core.Profiles.InstitutionProfiles.Current.Institutions)
            .SelectMany(i => ClassificationCatalogue.For(i).Categories.Select(c => (c.Code, Name: Vocabulary.CategoryName(i, c.Code))))
            .DistinctBy(c => c.Code)
            .OrderBy(c => c.Name, StringComparer.CurrentCulture);

    /// <summary>Filters that came with the link and have no select here, each with the link without it.</summary>
    private IEnumerable<(string Text, CaseListLink Without, string Id)> OtherFilters
    {
        get
        {
            var f = Link.Filter;
            if (f.RegionCode is { } region && Fixed.RegionCode is null)
            {
                yield return (Catalogue.Current.FindRegion(region)?.Name ?? region, Link with { Filter = f with { RegionCode = null } }, "region");
            }

            if (f.UnitCode is { } unit && Fixed.UnitCode is null)
            {
                yield return (UnitName(unit), Link with { Filter = f with { UnitCode = null } }, "unit");
            }

            if (f.Kind is { } kind)
            {
                yield return (V.Word($"Kind{kind}", Institution), Link with { Filter = f with { Kind = null } }, "kind");
            }

            if (f.ModuleCode is { } module)
            {
                yield return (L["ChipModule", Catalogue.Current.Snapshot.Modules.FirstOrDefault(m => m.Code == module)?.Name ?? module], Link with { Filter = f with { ModuleCode = null } }, "module");
            }

            if (f.Channel is { } channel)
            {
                yield return (L["ChipChannel", V[$"Channel{channel}"]], Link with { Filter = f with { Channel = null } }, "channel");
            }

            if (f.OpenedFrom is not null || f.OpenedTo is not null)
            {
                yield return (L["ChipOpened", Day(f.OpenedFrom), Day(f.OpenedTo)], Link with { Filter = f with { OpenedFrom = null, OpenedTo = null } }, "opened");
            }

            if (Link.EscalationLevel is { } level)
            {
                yield return (L["ChipLevel", V.Level(level, Institution)], Link with { EscalationLevel = null }, "level");
            }

            if (Link.BreachedToday)
            {
                yield return (L["ChipBreachedToday"], Link with { BreachedToday = false }, "breached");
            }
        }
    }

    private IEnumerable<(string Label, int Count, Color Color, string Id)> Buckets =>
    [
        (L["Age0to2"], _buckets.Days0To2, Color.Success, "0-2"),
        (L["Age3to7"], _buckets.Days3To7, Color.Default, "3-7"),
        (L["Age8to15"], _buckets.Days8To15, Color.Warning, "8-15"),
        (L["AgeOver15"], _buckets.Over15, Color.Error, "over-15"),
    ];

    protected override async Task OnParametersSetAsync()
    {
        if (Link == _loaded)
        {
            return;
        }

        var first = _loaded is null;
        _loaded = Link;
        _pageIndex = 0;
        await LoadBucketsAsync(first);
        await ReadPageAsync(first);
    }

    /// <summary>Re-reads the current page and the ages (the live page calls it after events).</summary>
    public async Task RefreshAsync()
    {
        await LoadBucketsAsync();
        await ReadPageAsync();
        StateHasChanged();
    }

    /// <summary>
    /// Reads the ages; a page load's first read takes the prerender's (see <see cref="PrerenderedReads"/>): nationally they
    /// are the slowest read of the list. The page around it re-reads it when events came in since the prerender read it.
    /// </summary>
    private async Task LoadBucketsAsync(bool first = false)
    {
        var now = Time.GetUtcNow();
        Task<AgeBuckets> Read() => Cases.ReadAgeBucketsAsync(Link.ToQuery(1, 1, Catalogue.DaysAt(now), now), Scope, now);
        _buckets = first
            ? await PrerenderedReads.ReadOnceAsync(Services, $"{nameof(CaseGrid)}:ages:{Link.Href}", () => RendererInfo.IsInteractive, Read)
            : await Read();
    }

    /// <summary>Reads the page of cases shown; a page load's first read takes the prerender's, as the ages do.</summary>
    private async Task ReadPageAsync(bool first = false)
    {
        var now = Time.GetUtcNow();
        Task<CasePage> Read() => Cases.ReadPageAsync(Link.ToQuery(_pageIndex + 1, _pageSize, Catalogue.DaysAt(now), now, _sort.Order, _sort.Descending), Scope);
        _reading = true;
        try
        {
            _page = first
                ? await PrerenderedReads.ReadOnceAsync(Services, $"{nameof(CaseGrid)}:page:{Link.Href}", () => RendererInfo.IsInteractive, Read)
                : await Read();
            // The note under the list says the zone of its times: the page's units decide it.
            _zones = _page.Items.Select(c => ZoneOf(c.UnitCode)).ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            _reading = false;
        }
    }

    private Task SortAsync(string column)
    {
        _sort.Toggle(column);
        _pageIndex = 0;
        return ReadPageAsync();
    }

    private Task GoToAsync(int pageIndex)
    {
        _pageIndex = Math.Clamp(pageIndex, 0, LastPageIndex);
        return ReadPageAsync();
    }

    private Task PageSizeAsync(ChangeEventArgs e)
    {
        if (!int.TryParse(e.Value as string, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || !PageSizes.Contains(size))
        {
            return Task.CompletedTask;
        }

        _pageSize = size;
        _pageIndex = 0;
        return ReadPageAsync();
    }

    private int LastPageIndex => Math.Max(0, (_page.Total - 1) / _pageSize);

    /// <summary>"1–25 de 218,773": the rows shown of all the list's cases.</summary>
    private string PageRange => _page.Total == 0 ? L["PageRangeNone"]
        : L["PageRange", N(_pageIndex * _pageSize + 1), N(_pageIndex * _pageSize + _page.Items.Count), N(_page.Total)];

    private static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>The sortable columns as the phone's sort picker lists them.</summary>
    private IReadOnlyList<(string Column, string Label)> SortColumns =>
    [
        (nameof(CaseSort.Opened), L["Opened"]),
        (nameof(CaseSort.Status), L["Status"]),
        (nameof(CaseSort.Priority), L["Priority"]),
        (nameof(CaseSort.Due), L["ResolutionDue"]),
        (nameof(CaseSort.EscalationLevel), L["Level"]),
    ];

    /// <summary>
    /// The list's order, one of the store's closed set (<see cref="CaseSort"/>): newest first to begin with; another column
    /// starts ascending, the opening newest first, and the same column again reverses it.
    /// </summary>
    private sealed class GridSort : ITableSort
    {
        public CaseSort Order { get; private set; } = CaseSort.Opened;

        public string Column => Order.ToString();

        public bool Descending { get; private set; } = true;

        /// <remarks>A column that is not a <see cref="CaseSort"/> throws, as <see cref="TableSort{T}"/> does for an unknown one.</remarks>
        public void Toggle(string column)
        {
            var order = Enum.Parse<CaseSort>(column);
            Descending = order == Order ? !Descending : order == CaseSort.Opened;
            Order = order;
        }
    }

    private Task ChangeAsync(CaseListLink link) => LinkChanged.InvokeAsync(link);

    private static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum => Enum.TryParse<TEnum>(value, out var parsed) ? parsed : null;

    private string StatusText(string? value) => value switch
    {
        null or CaseListLink.OpenStatus => L["StatusOpen"],
        CaseListLink.ClosedStatus => L["StatusClosed"],
        CaseListLink.AnyStatus => L["StatusAny"],
        _ => V[$"Status{value}"],
    };

    private string ComplexText(string? value) => value == bool.TrueString ? L["ComplexYes"] : value == bool.FalseString ? L["ComplexNo"] : L["AnyComplexity"];

    private string CategoryText(string? code) => code is null or "" ? L["Any"]
        : Vocabulary.CategoryName(Institution ?? Dashboard.Core.Profiles.InstitutionProfiles.Current.Institutions.FirstOrDefault(i => ClassificationCatalogue.For(i).FindCategory(code) is not null), code);

    private string StaffRoleText(string? code) => code is null or "" ? L["AnyStaff"] : Vocabulary.StaffRoleShortName(Institution, code);

    // Plain links as the regions tables draw them, and MudChip's own classes on a plain element: the same look without a
    // component per cell, which made a page of 25 rows a 96 KB render batch for the browser to apply.
    private const string LinkClass = "tablero-link mud-primary-text";
    private const string CaseLinkClass = LinkClass + " tablero-case-id";

    private static string SlaChipClass(SlaState state) => "mud-chip mud-chip-filled mud-chip-size-small " + state switch
    {
        SlaState.Breached => "mud-chip-color-error",
        SlaState.AtRisk => "mud-chip-color-warning",
        _ => "mud-chip-color-default",
    };

    private string UnitName(string code) => Catalogue.Current.FindUnit(code)?.Name ?? code;

    /// <summary>A case's time on its unit's clock, marked with the zone when the page's rows are on different clocks.</summary>
    private string Local(CaseState c, DateTimeOffset? at) => V.TimeIn(at, ZoneOf(c.UnitCode), _zones.Count > 1);

    private string ZoneOf(string unitCode) => Times.UnitZone(Catalogue.Current, unitCode, WallSettings.Value.TimeZone);

    /// <summary>Under the list: the one zone of its times, or that each is its unit's.</summary>
    private string TimesNote => _zones.Count == 1 ? V["TimesIn", Times.ZoneName(V, _zones.First())] : V["TimesInEach"];

    private static string Day(DateOnly? day) => day?.ToString("d", CultureInfo.CurrentCulture) ?? "…";

    /// <summary>The same buckets as above the grid: whole 24-hour days since opening.</summary>
    private string AgeText(CaseState c)
    {
        var days = (Time.GetUtcNow() - c.OpenedAt).TotalDays;
        return days < 3 ? L["Age0to2"] : days < 8 ? L["Age3to7"] : days < 16 ? L["Age8to15"] : L["AgeOver15"];
    }
}
