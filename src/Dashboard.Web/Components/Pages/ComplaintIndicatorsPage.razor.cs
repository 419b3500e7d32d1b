using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Indicators;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Indicators;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// Complaints against a baseline as an XmR control chart (NHS "Making Data Count"): the points coloured by what they say
/// (orange a special cause of deterioration, blue of improvement, grey common cause), the mean and the natural process
/// limits of the chosen baseline, a table with the % change against the baseline mean, and a sentence saying it plainly.
/// Mal trato is the category it opens on. Words follow the institution: IMSS "quejas", EsSalud "reclamos".
/// </summary>
public sealed partial class ComplaintIndicatorsPage
{
    private const int Width = 820;
    private const int Height = 280;
    private const int Left = 40;
    private const int Right = 48;
    private const int Top = 10;
    private const int Bottom = 28;

    private ComplaintChartQuery _query = new() { Category = ClassificationCatalogue.Mistreatment };
    private ComplaintChart? _chart;
    private IReadOnlyList<UnitDeterioration> _worsening = [];

    [Inject] private ComplaintIndicators Indicators { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private IStringLocalizer<ComplaintIndicatorsPage> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadAsync();
    }

    private async Task SetAsync(ComplaintChartQuery query)
    {
        _query = query;
        await LoadAsync();
    }

    /// <summary>The chart; and, when no unit is chosen, the units whose own chart shows a deterioration in the last period.</summary>
    private async Task LoadAsync()
    {
        _chart = await Indicators.ReadChartAsync(_query, Scope);
        _worsening = _query.UnitCode is null && Scope.Level != ScopeLevel.Unit
            ? await Indicators.UnitsWithDeteriorationAsync(Scope, _query.Category, _query.Period, _query.RegionCode)
            : [];
    }

    /// <summary>Whose words the page speaks: the chosen unit's or region's institution, else the scope's, else none.</summary>
    private Institution? Institution =>
        Catalogue.InstitutionOf(_query.RegionCode ?? Scope.RegionCode, _query.UnitCode ?? Scope.UnitCode)
        ?? (Scope.Institution is { } own && Core.Profiles.InstitutionProfiles.Current.Resolve(own) is { } institution ? institution : null);

    private string ComplaintsWord => V.Word("Complaints", Institution);

    private string Title => L["Title", Capitalised(ComplaintsWord)];

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.CurrentCulture) + word[1..];

    private IEnumerable<Region> Regions => Catalogue.Current.Snapshot.Regions
        .Where(r => Scope.Level == ScopeLevel.All || (Scope.Level == ScopeLevel.Institution && r.Institution.ToString() == Scope.Code)
            || (Scope.Level == ScopeLevel.Region && r.Code == Scope.Code)
            || (Scope.Level == ScopeLevel.Unit && Catalogue.Current.FindUnit(Scope.Code!)?.RegionCode == r.Code))
        .OrderBy(r => r.Institution).ThenBy(r => r.Name, StringComparer.CurrentCulture);

    private IEnumerable<Unit> Units => _query.RegionCode is not { } region ? []
        : Catalogue.Current.Snapshot.Units.Where(u => u.RegionCode == region && (Scope.Level != ScopeLevel.Unit || u.Code == Scope.Code))
            .OrderBy(u => u.Name, StringComparer.CurrentCulture);

    private IEnumerable<(string Code, string Name)> Categories =>
        (Institution is { } i ? [i] : Core.Profiles.InstitutionProfiles.Current.Institutions)
            .SelectMany(i => ClassificationCatalogue.For(i).Categories.Select(c => (c.Code, Name: Vocabulary.CategoryName(i, c.Code))))
            .DistinctBy(c => c.Code)
            .OrderBy(c => c.Name, StringComparer.CurrentCulture);

    private string RegionText(string? code) => code is null or "" ? L["AllRegions"] : Catalogue.Current.FindRegion(code)?.Name ?? code;

    private string UnitText(string? code) => code is null or "" ? L["AllUnits"] : Catalogue.Current.FindUnit(code)?.Name ?? code;

    private string CategoryText(string? code) => code is null or "" ? L["AllCategories"]
        : Vocabulary.CategoryName(Institution ?? Core.Profiles.InstitutionProfiles.Current.Institutions.FirstOrDefault(i => ClassificationCatalogue.For(i).FindCategory(code) is not null), code);

    private string BaselineText(string? value) => Day(value) is { } day ? PeriodText(day) : L["BaselineDefault"];

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A period as people name it: "nov 2026", "sep–oct 2026", "T4 2026", "semana del 30 nov 2026".</summary>
    private string PeriodText(DateOnly start) => _query.Period switch
    {
        Period.Week => L["WeekLabel", start.ToString("d MMM yyyy", CultureInfo.CurrentCulture)],
        Period.Month => start.ToString("MMM yyyy", CultureInfo.CurrentCulture),
        Period.Bimester => L["BimesterLabel", start.ToString("MMM", CultureInfo.CurrentCulture), start.AddMonths(1).ToString("MMM", CultureInfo.CurrentCulture), start.Year],
        _ => L["QuarterLabel", (start.Month - 1) / 3 + 1, start.Year],
    };

    private static string Number(double value) => value.ToString("N1", CultureInfo.CurrentCulture);

    private static string Percent(double? value) => value is { } v ? (v > 0 ? "+" : "") + v.ToString("N0", CultureInfo.CurrentCulture) + " %" : "—";

    /// <summary>Making Data Count's colours: orange a special cause of concern, blue of improvement, grey common cause.</summary>
    private static string Colour(Variation variation) => variation switch
    {
        Variation.Deterioration => "#ED8B00",
        Variation.Improvement => "#005EB8",
        _ => "#7F7F7F",
    };

    private string Reading(XmrPoint? point) => Reading(point?.Signals ?? SpcSignals.None);

    private string Reading(SpcSignals signals) => signals == SpcSignals.None ? L["CommonCause"]
        : string.Join("; ", Enum.GetValues<SpcSignals>().Where(s => s != SpcSignals.None && signals.HasFlag(s)).Select(s => L[$"Signal{s}"].Value));

    private Severity SentenceSeverity => _chart?.Chart?.Latest switch
    {
        Variation.Deterioration => Severity.Warning,
        Variation.Improvement => Severity.Success,
        _ => Severity.Info,
    };

    /// <summary>What the chart says about the last whole period, in one sentence a director can repeat.</summary>
    private string Sentence
    {
        get
        {
            if (_chart is not { } chart || chart.Periods.Count == 0)
            {
                return "";
            }

            if (chart.Chart is not { } xmr)
            {
                return L["NoLimits"];
            }

            var last = chart.Periods[^1];
            var args = new object[]
            {
                PeriodText(last.Start), last.Count.ToString("N0", CultureInfo.CurrentCulture), ComplaintsWord, Reading(xmr.Points[^1]), Number(xmr.Limits.Mean),
                Number(Math.Max(0, xmr.Limits.LowerLimit)), Number(xmr.Limits.UpperLimit), Percent(xmr.PercentChange(last.Count)),
            };
            return xmr.Latest switch
            {
                Variation.Deterioration => L["SentenceDeterioration", args],
                Variation.Improvement => L["SentenceImprovement", args],
                _ => L["SentenceCommon", args],
            };
        }
    }

    // The drawing: x per period, y from zero to a little above the highest point or limit.
    private double MaxY => Math.Max(1, Math.Max(_chart?.Periods.Select(p => (double)p.Count).DefaultIfEmpty(0).Max() ?? 0, _chart?.Chart?.Limits.UpperLimit ?? 0)) * 1.1;

    private double Step => (Width - Left - Right) / (double)Math.Max(1, _chart?.Periods.Count ?? 1);

    private double X(int index) => Left + Step * (index + 0.5);

    private double Y(double value) => Height - Bottom - (Height - Top - Bottom) * Math.Max(0, value) / MaxY;

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private string Polyline => string.Join(' ', (_chart?.Periods ?? []).Select((p, i) => $"{N(X(i))},{N(Y(p.Count))}"));

    /// <summary>About eight labels along the axis, counted back from the last period.</summary>
    private bool ShowLabel(int index)
    {
        var count = _chart?.Periods.Count ?? 0;
        var every = Math.Max(1, (int)Math.Ceiling(count / 8.0));
        return (count - 1 - index) % every == 0;
    }
}
