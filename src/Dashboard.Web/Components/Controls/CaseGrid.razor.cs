using System.Collections.Frozen;
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
    // Each sortable column's SortBy is one of these; the grid hands it back in its sort definition, and only these map
    // to an order the store knows. (The functions also sort a page in memory should the grid ever do so.)
    private static readonly Func<CaseState, object> ByStatus = c => c.Status;
    private static readonly Func<CaseState, object> ByPriority = c => c.Priority;
    private static readonly Func<CaseState, object> ByOpened = c => c.OpenedAt;
    private static readonly Func<CaseState, object> ByDue = c => c.Sla?.Resolution?.DueAt ?? DateTimeOffset.MaxValue;
    private static readonly Func<CaseState, object> ByLevel = c => c.EscalationLevel;

    private static readonly FrozenDictionary<Func<CaseState, object?>, CaseSort> Sorts = new Dictionary<Func<CaseState, object?>, CaseSort>
    {
        [ByStatus] = CaseSort.Status,
        [ByPriority] = CaseSort.Priority,
        [ByOpened] = CaseSort.Opened,
        [ByDue] = CaseSort.Due,
        [ByLevel] = CaseSort.EscalationLevel,
    }.ToFrozenDictionary();

    private static readonly string[] StatusValues =
        [CaseListLink.OpenStatus, .. Enum.GetNames<CaseStatus>(), CaseListLink.ClosedStatus, CaseListLink.AnyStatus];

    private MudDataGrid<CaseState>? _grid;
    private CaseListLink? _loaded;
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
        await LoadBucketsAsync(first);
        if (!first && _grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    /// <summary>Re-reads the current page and the ages (the live page calls it after events).</summary>
    public async Task RefreshAsync()
    {
        await LoadBucketsAsync();
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }

        StateHasChanged();
    }

    /// <summary>
    /// Reads the ages; a page load's first read takes the prerender's (see <see cref="PrerenderedReads"/>): nationally they
    /// are the slowest read of the list (about half a second at 10 M cases). The page around it re-reads it when events
    /// came in since the prerender read it.
    /// </summary>
    private async Task LoadBucketsAsync(bool first = false)
    {
        var now = Time.GetUtcNow();
        Task<AgeBuckets> Read() => Cases.ReadAgeBucketsAsync(Link.ToQuery(1, 1, Catalogue.DaysAt(now), now), Scope, now);
        _buckets = first
            ? await PrerenderedReads.ReadOnceAsync(Services, $"{nameof(CaseGrid)}:ages:{Link.Href}", () => RendererInfo.IsInteractive, Read)
            : await Read();
    }

    private async Task<GridData<CaseState>> LoadAsync(GridState<CaseState> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var order = sort?.SortFunc is { } by && Sorts.TryGetValue(by, out var known) ? known : CaseSort.Opened;
        var descending = sort?.Descending ?? true;
        var now = Time.GetUtcNow();
        var page = await Cases.ReadPageAsync(Link.ToQuery(state.Page + 1, state.PageSize, Catalogue.DaysAt(now), now, order, descending), Scope, cancellationToken);
        var zones = page.Items.Select(c => ZoneOf(c.UnitCode)).ToHashSet(StringComparer.Ordinal);
        if (!zones.SetEquals(_zones))
        {
            // The note under the grid is this component's, not the grid's: redraw it when the page's zones change.
            _zones = zones;
            StateHasChanged();
        }

        return new GridData<CaseState> { Items = page.Items, TotalItems = page.Total };
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

    // The rows draw MudLink's and MudChip's own classes on plain elements: the same look without a component per cell,
    // which made a page of 25 rows a 96 KB render batch for the browser to apply.
    private const string LinkClass = "mud-typography mud-link mud-primary-text mud-link-underline-hover";
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
