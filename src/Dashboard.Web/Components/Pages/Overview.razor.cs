using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Live;
using Dashboard.Web.Surveys;
using Dashboard.Web.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// The directors' overview: the wall's numbers for any filter (region, unit, kind, category, channel, priority,
/// complexity, opening period) and the period's trends, every number a link to the cases behind it. The filter lives
/// in the query string, so a view can be shared; the page follows the live feed (paused at will).
/// </summary>
/// <remarks>
/// Days are days on each case's own unit clock (see <see cref="DayZones"/>): a Tijuana case opened at 23:30 counts on
/// that day, whatever time it was in Mexico City. The default period, the last <see cref="DefaultPeriodDays"/> days,
/// ends on today in the zone of the filter's unit or region, or the wall's zone for a national view.
/// </remarks>
public sealed partial class Overview : IDisposable
{
    public const int DefaultPeriodDays = 30;
    public const int MaxPeriodDays = 366;

    private CaseFilter _filter = CaseFilter.None;
    private OpenCaseCounts _counts = new(0, 0, 0, 0, 0, 0, 0, 0);
    private OverviewTrends _trends = new([], [], null);
    private List<ChartSeries<double>> _flow = [];
    private List<ChartSeries<double>> _breaches = [];
    private string[] _dayLabels = [];
    private string[] _breachLabels = [];
    private string _updatedAt = "";
    private bool _filtersOpen;
    private LiveView? _live;

    private LineChartOptions _lineOptions = new();
    private BarChartOptions _barOptions = new();

    private SurveyRoundView? _survey;

    [Inject] private IOverviewReader Cases { get; set; } = default!;

    [Inject] private SurveyService Surveys { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private Microsoft.Extensions.Options.IOptions<WallOptions> WallSettings { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IStringLocalizer<Overview> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;


    /// <summary>Whose words the page speaks: the filtered unit's or region's institution, else the scope's, else none.</summary>
    private Institution? Institution =>
        Catalogue.InstitutionOf(_filter.RegionCode ?? Scope.RegionCode, _filter.UnitCode ?? Scope.UnitCode);

    /// <summary>Whose staff roles the filter offers: the page's institution, else the scope's, else both.</summary>
    private Institution? RolesInstitution =>
        Institution ?? (Scope.Institution is { } own && Dashboard.Core.Profiles.InstitutionProfiles.Current.Resolve(own) is { } institution ? institution : null);

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(
        (_filter.UnitCode ?? Scope.UnitCode) is { } unit && Catalogue.Current.FindUnit(unit) is { } u ? u.TimeZone
        : (_filter.RegionCode ?? Scope.RegionCode) is { } region && Catalogue.Current.FindRegion(region) is { } r ? r.TimeZone
        : WallSettings.Value.TimeZone);

    /// <summary>The filter's opening period, or the last days up to today: what the charts and the median cover.</summary>
    private (DateOnly From, DateOnly To) Period =>
        Reports.OverviewReport.PeriodOf(_filter, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Zone).DateTime));

    private DateRange Range => new(_filter.OpenedFrom?.ToDateTime(TimeOnly.MinValue), _filter.OpenedTo?.ToDateTime(TimeOnly.MinValue));

    private string ScopeText => _filter.UnitCode is { } unit ? UnitText(unit)
        : _filter.RegionCode is { } region ? RegionText(region)
        : Scope.Level switch
        {
            ScopeLevel.All => L["National"],
            ScopeLevel.Institution => $"{L["National"]} · {Vocabulary.InstitutionName(new Institution(Scope.Code!))}",
            ScopeLevel.Region => RegionText(Scope.Code!),
            _ => UnitText(Scope.Code!),
        };

    private IEnumerable<Region> Regions => Catalogue.Current.Snapshot.Regions
        .Where(r => Scope.Level == ScopeLevel.All || (Scope.Level == ScopeLevel.Region && r.Code == Scope.Code)
            || (Scope.Level == ScopeLevel.Unit && Catalogue.Current.FindUnit(Scope.Code!)?.RegionCode == r.Code))
        .OrderBy(r => r.Institution).ThenBy(r => r.Name, StringComparer.CurrentCulture);

    private IEnumerable<Unit> Units => _filter.RegionCode is not { } region ? []
        : Catalogue.Current.Snapshot.Units.Where(u => u.RegionCode == region && (Scope.Level != ScopeLevel.Unit || u.Code == Scope.Code))
            .OrderBy(u => u.Name, StringComparer.CurrentCulture);

    private IEnumerable<(string Code, string Name)> Categories =>
        (Institution is { } i ? [i] : Dashboard.Core.Profiles.InstitutionProfiles.Current.Institutions)
            .SelectMany(i => ClassificationCatalogue.For(i).Categories.Select(c => (c.Code, Name: Vocabulary.CategoryName(i, c.Code))))
            .DistinctBy(c => c.Code)
            .OrderBy(c => c.Name, StringComparer.CurrentCulture);

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _filter = CaseListLink.ParseFilter(Navigation.Uri);
        await LoadingAsync(LoadAsync);
        await LoadSurveyAsync();
        Navigation.LocationChanged += OnLocationChanged;
        _live = Watch(LoadAsync,
            e => (_filter.RegionCode is null || e.RegionCode == _filter.RegionCode) && (_filter.UnitCode is null || e.UnitCode == _filter.UnitCode));
    }

    private async Task LoadAsync()
    {
        var now = Time.GetUtcNow();
        var days = Catalogue.DaysAt(now);
        var (from, to) = Period;
        var filter = _filter;
        _counts = await ReadOncePerLoadAsync($"counts:{filter}", () => Cases.ReadOverviewAsync(filter, Scope, days, now));
        _trends = await ReadOncePerLoadAsync($"trends:{filter}:{from}:{to}", () => Cases.ReadTrendsAsync(filter with { OpenedFrom = from, OpenedTo = to }, Scope, days));
        // Marked with its clock's short name: a national reader may be in Lima while the page counts Mexico City's day.
        _updatedAt = $"{TimeZoneInfo.ConvertTime(now, Zone).ToString("HH:mm:ss", CultureInfo.CurrentCulture)} {Times.ZoneShortName(V, Zone.Id)}";
        DrawCharts();
    }

    private void DrawCharts()
    {
        var days = _trends.Days;
        // A label every few days, counted back from the last: thirty dates side by side are unreadable on a tablet.
        string[] Labels(int most)
        {
            var step = Math.Max(1, (int)Math.Ceiling(days.Count / (double)most));
            return days.Select((d, i) => (days.Count - 1 - i) % step == 0 ? d.Day.ToString("d MMM", CultureInfo.CurrentCulture) : "").ToArray();
        }

        // Six labels fit a phone held upright (390 px) without touching; a desk screen loses little.
        _dayLabels = Labels(6);
        _breachLabels = Labels(5);
        _flow =
        [
            new() { Name = L["Opened"], Data = days.Select(d => (double)d.Opened).ToArray() },
            new() { Name = L["Resolved"], Data = days.Select(d => (double)d.Resolved).ToArray() },
        ];
        _breaches = [new() { Name = L["Breached"], Data = days.Select(d => (double)d.Breached).ToArray() }];
        // Counts are whole cases: ticks of 1, 2, 5, 10… that suit the tallest value, never fractions.
        _lineOptions = new() { YAxisRequireZeroPoint = true, ClampToZero = true, YAxisFormat = "N0", YAxisTicks = TickFor(days.Max(d => (int?)Math.Max(d.Opened, d.Resolved)) ?? 0) };
        _barOptions = new() { YAxisFormat = "N0", ShowLegend = false, YAxisTicks = TickFor(days.Max(d => (int?)d.Breached) ?? 0) };
    }

    /// <summary>The page's tables for its own filter, as files (the export API reads the same query string).</summary>
    private IReadOnlyList<(string, string, string)> Downloads
    {
        get
        {
            var query = CaseListLink.ToQueryString(_filter);
            string Csv(string table) => $"/api/v1/exports/overview.csv{query}{(query.Length == 0 ? "?" : "&")}table={table}";
            return
            [
                (L["DownloadXlsx"], $"/api/v1/exports/overview.xlsx{query}", "download-overview-xlsx"),
                (L["DownloadCsvSummary"], Csv(Reports.OverviewReport.Summary), "download-overview-summary"),
                (L["DownloadCsvDays"], Csv(Reports.OverviewReport.Days), "download-overview-days"),
                (L["DownloadCsvCategories"], Csv(Reports.OverviewReport.Categories), "download-overview-categories"),
            ];
        }
    }


    /// <summary>A new filter is a new address: the page reads it back from there, and the link can be shared.</summary>
    private void Navigate(CaseFilter filter) =>
        Navigation.NavigateTo($"/{Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0]}{CaseListLink.ToQueryString(filter)}");

    private void OnRangeChanged(DateRange? range) => Navigate(_filter with
    {
        OpenedFrom = range?.Start is { } start ? DateOnly.FromDateTime(start) : null,
        OpenedTo = range?.End is { } end ? DateOnly.FromDateTime(end) : null,
    });

    /// <summary>The current bimester's perception survey in the filter's scope: read when the filter changes, not on every live event.</summary>
    private async Task LoadSurveyAsync() =>
        _survey = await Surveys.ReadRoundAsync(Surveys.CurrentRound, Scope, _filter.RegionCode, _filter.UnitCode);

    private string SurveyText(SurveyRoundView survey) => survey.ReportedCount == 0
        ? L["SurveyNone", SurveyFormat.Round(survey.Round), survey.Hospitals.Count]
        : L["SurveyLine", SurveyFormat.Round(survey.Round), SurveyFormat.Figure(survey.Satisfaction, (range, answers) => L["SurveySmallSample", range, answers]),
            survey.ReportedCount, survey.Hospitals.Count, SurveyFormat.Percent(survey.Coverage ?? 0)];

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        // Leaving for another page (a number's cases) is the router's business, not a new filter.
        var path = Navigation.ToBaseRelativePath(e.Location).Split('?', '#')[0];
        var filter = CaseListLink.ParseFilter(e.Location);
        if (path is "" or "resumen" or "overview" && filter != _filter)
        {
            _ = InvokeAsync(async () =>
            {
                _filter = filter;
                try
                {
                    await LoadingAsync(LoadAsync);
                    await LoadSurveyAsync();
                    StateHasChanged();
                }
                catch (Exception ex)
                {
                    await DispatchExceptionAsync(ex);
                }
            });
        }
    }

    private static int TickFor(int max)
    {
        if (max <= 5)
        {
            return 1;
        }

        var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(max)));
        var ratio = (double)max / magnitude;
        return Math.Max(1, ratio < 2 ? magnitude / 5 : ratio < 5 ? magnitude / 2 : magnitude);
    }

    private int LevelCount(int level) => level switch { 1 => _counts.Level1, 2 => _counts.Level2, _ => _counts.Level3 };

    /// <summary>A count; a dash while the page reads (not a zero that is not one).</summary>
    private string N(int value) => Loading ? "—" : value.ToString("N0", CultureInfo.CurrentCulture);

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    private string Duration(TimeSpan? value) => value is not { } d ? "—"
        : d.TotalHours >= 1 ? string.Format(CultureInfo.CurrentCulture, L["HoursMinutes"], (int)d.TotalHours, d.Minutes)
        : string.Format(CultureInfo.CurrentCulture, L["Minutes"], Math.Max(0, (int)Math.Round(d.TotalMinutes)));

    /// <summary>
    /// The median as the reader knows it: exact, or (read from the daily counters, which keep waits in buckets) the range
    /// that holds it: "20–30 min", "1 h – 1 h 30 min", "3 d o más".
    /// </summary>
    private string Median(OverviewTrends trends) => trends.MedianFirstResponseRange switch
    {
        null => Duration(trends.MedianFirstResponse),
        { Before: null } open => string.Format(CultureInfo.CurrentCulture, L["DurationOrMore"], RangeEnd(open.From)),
        { Before: { } before } r when before <= TimeSpan.FromHours(1) =>
            string.Format(CultureInfo.CurrentCulture, L["MinutesRange"], (int)r.From.TotalMinutes, (int)before.TotalMinutes),
        { Before: { } before } r => string.Format(CultureInfo.CurrentCulture, L["DurationRange"], RangeEnd(r.From), RangeEnd(before)),
    };

    /// <summary>A bucket edge: whole days, whole hours, or hours and minutes.</summary>
    private string RangeEnd(TimeSpan edge) => edge switch
    {
        { TotalDays: >= 1 } when edge.Ticks % TimeSpan.TicksPerDay == 0 => string.Format(CultureInfo.CurrentCulture, L["Days"], (int)edge.TotalDays),
        { TotalHours: >= 1 } when edge.Ticks % TimeSpan.TicksPerHour == 0 => string.Format(CultureInfo.CurrentCulture, L["Hours"], (int)edge.TotalHours),
        _ => Duration(edge),
    };

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum => Enum.TryParse<TEnum>(value, out var parsed) ? parsed : null;

    private string RegionText(string? code) => code is null or "" ? L["AllRegions"] : Catalogue.Current.FindRegion(code)?.Name ?? code;

    private string UnitText(string? code) => code is null or "" ? L["AllUnits"] : Catalogue.Current.FindUnit(code)?.Name ?? code;

    private string StaffRoleText(string? code) => code is null or "" ? L["AllStaff"] : Vocabulary.StaffRoleShortName(RolesInstitution, code);

    private string ComplexText(string? value) => value == bool.TrueString ? L["ComplexYes"] : value == bool.FalseString ? L["ComplexNo"] : L["All"];

    private string CategoryText(string? code) => code is null or "" ? L["All"]
        : Vocabulary.CategoryName(Institution ?? Dashboard.Core.Profiles.InstitutionProfiles.Current.Institutions.FirstOrDefault(i => ClassificationCatalogue.For(i).FindCategory(code) is not null), code);

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _live?.Dispose();
    }
}
