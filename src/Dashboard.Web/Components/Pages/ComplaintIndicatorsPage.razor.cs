using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Catalogue.Classification;
using Dashboard.Core.Indicators;
using Dashboard.Core.Storage;
using Dashboard.Data.CatalogueImport;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Indicators;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// Complaints against a baseline as an XmR control chart (NHS "Making Data Count"): the points coloured by what they say
/// (orange a special cause of deterioration, blue of improvement, grey common cause), the mean and the natural process
/// limits of the chosen baseline, a table with the % change against the baseline mean, and a sentence saying it plainly.
/// Mal trato is the category it opens on. Words follow the institution: IMSS "quejas", EsSalud "reclamos". The chart is a
/// rate per 10,000 attentions where the scope's units have their volumes loaded, counts otherwise, and says which and
/// why. Every filter lives in the address (periodo, categoria, region, unidad, base_desde, base_hasta, medida): a link
/// or a reload shows the same chart. Administrators load the monthly attention volumes here.
/// </summary>
public sealed partial class ComplaintIndicatorsPage
{
    private const int Width = 820;
    private const int Height = 280;
    private const int Left = 40;
    private const int Right = 48;
    private const int Top = 10;
    private const int Bottom = 28;

    /// <summary>Larger files are not a deployment's monthly volumes.</summary>
    /// <summary>The address's words for the periods and measures, in the order of their enums.</summary>
    private static readonly string[] PeriodWords = ["semana", "mes", "bimestre", "trimestre"];
    private static readonly string[] MeasureWords = ["tasa", "numero"];

    /// <summary>The category word that means "all categories" in the address (no category is mal trato, the default).</summary>
    private const string AllCategoriesWord = "todas";

    private ComplaintChartQuery _query = new() { Category = ClassificationCatalogue.Mistreatment };
    private ComplaintChart? _chart;
    private IReadOnlyList<UnitDeterioration> _worsening = [];
    private IReadOnlyList<CsvRowError> _importErrors = [];
    private int? _imported;

    [SupplyParameterFromQuery(Name = "periodo")] public string? PeriodParameter { get; set; }

    [SupplyParameterFromQuery(Name = "categoria")] public string? CategoryParameter { get; set; }

    [SupplyParameterFromQuery(Name = "region")] public string? RegionParameter { get; set; }

    [SupplyParameterFromQuery(Name = "unidad")] public string? UnitParameter { get; set; }

    [SupplyParameterFromQuery(Name = "base_desde")] public string? BaselineFromParameter { get; set; }

    [SupplyParameterFromQuery(Name = "base_hasta")] public string? BaselineToParameter { get; set; }

    [SupplyParameterFromQuery(Name = "medida")] public string? MeasureParameter { get; set; }

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private AttentionVolumeService Volumes { get; set; } = default!;

    [Inject] private ComplaintIndicators Indicators { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private IStringLocalizer<ComplaintIndicatorsPage> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;

    /// <summary>The chart the address describes; a value that means nothing there is left at its default.</summary>
    protected override async Task OnParametersSetAsync()
    {
        await base.OnParametersSetAsync();
        var period = Array.IndexOf(PeriodWords, PeriodParameter);
        var unit = Empty(UnitParameter) is { } u && Catalogue.Current.FindUnit(u) is { } found ? found : null;
        var region = Empty(RegionParameter) is { } r && Catalogue.Current.FindRegion(r) is not null ? r : unit?.RegionCode;
        _query = new ComplaintChartQuery
        {
            Period = period < 0 ? Period.Month : (Period)period,
            Category = CategoryParameter == AllCategoriesWord ? null
                : Empty(CategoryParameter) is { } c && Categories.Any(k => k.Code == c) ? c : ClassificationCatalogue.Mistreatment,
            RegionCode = region,
            UnitCode = unit is not null && unit.RegionCode == region ? unit.Code : null,
            BaselineFrom = Day(BaselineFromParameter),
            BaselineTo = Day(BaselineToParameter),
            Measure = MeasureParameter == MeasureWords[1] ? ComplaintMeasure.Count : ComplaintMeasure.Rate,
        };
        await LoadingAsync(LoadAsync);
    }

    /// <summary>The page's tables for its own chart, as files: the export takes the JSON read's parameters.</summary>
    private IReadOnlyList<(string, string, string)> Downloads
    {
        get
        {
            var parts = new List<string> { $"period={_query.Period}" };
            void Add(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    parts.Add($"{name}={Uri.EscapeDataString(value)}");
                }
            }

            Add("category", _query.Category);
            Add("region", _query.RegionCode);
            Add("unit", _query.UnitCode);
            Add("baselineFrom", _query.BaselineFrom is { } from ? Iso(from) : null);
            Add("baselineTo", _query.BaselineTo is { } to ? Iso(to) : null);
            Add("measure", _query.Measure.ToString());
            var query = string.Join('&', parts);
            return
            [
                (L["DownloadXlsx"], $"/api/v1/exports/complaint-indicators.xlsx?{query}", "download-indicators-xlsx"),
                (L["DownloadCsvPeriods"], $"/api/v1/exports/complaint-indicators.csv?{query}&table={Reports.ComplaintIndicatorsReport.Periods}", "download-indicators-periods"),
                (L["DownloadCsvUnits"], $"/api/v1/exports/complaint-indicators.csv?{query}&table={Reports.ComplaintIndicatorsReport.Units}", "download-indicators-units"),
            ];
        }
    }

    /// <summary>A filter changed: the address takes it, and the page follows the address.</summary>
    private Task SetAsync(ComplaintChartQuery query)
    {
        Navigation.NavigateTo(Href(query));
        return Task.CompletedTask;
    }

    /// <summary>This page's (Spanish) address for <paramref name="query"/>, with only what differs from the defaults.</summary>
    private static string Href(ComplaintChartQuery query)
    {
        const string path = "/indicadores/quejas";
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("periodo", query.Period == Period.Month ? null : PeriodWords[(int)query.Period]);
        Add("categoria", query.Category is null ? AllCategoriesWord : query.Category == ClassificationCatalogue.Mistreatment ? null : query.Category);
        Add("region", query.RegionCode);
        Add("unidad", query.UnitCode);
        Add("base_desde", query.BaselineFrom is { } from ? Iso(from) : null);
        Add("base_hasta", query.BaselineTo is { } to ? Iso(to) : null);
        Add("medida", query.Measure == ComplaintMeasure.Count ? MeasureWords[1] : null);
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }

    private async Task ImportVolumesAsync(InputFileChangeEventArgs e)
    {
        _imported = null;
        _importErrors = [];
        if (!Can(Core.Access.Permission.Admin))
        {
            return;
        }

        using var memory = await Imports.ImportFiles.ReadUploadAsync(e.File);
        if (memory is null)
        {
            _importErrors = [new CsvRowError(e.File.Name, 0, "", L["FileTooLarge", Imports.ImportFiles.MaxBytes / (1024 * 1024)])];
            return;
        }

        using var reader = new StreamReader(memory, detectEncodingFromByteOrderMarks: true);
        var result = await Volumes.ImportCsvAsync(reader, Viewer);
        _importErrors = result.Errors;
        if (result.Volumes is { } stored)
        {
            _imported = stored.Count;
            await LoadAsync();
        }
    }

    private string MeasureText(ComplaintMeasure measure) => measure == ComplaintMeasure.Rate ? L["MeasureRateChoice"] : L["MeasureCountChoice", ComplaintsWord];

    /// <summary>"Tasa por 10 000 atenciones" or "Número de quejas": what the chart shows.</summary>
    private string MeasureTitle => _chart?.IsRate == true ? L["MeasureRateTitle"] : L["MeasureCountTitle", ComplaintsWord];

    /// <summary>Why the chart counts when it does: chosen, weeks, or which volumes are missing.</summary>
    private string? MeasureWhy => _chart?.Series is not { IsRate: false } series ? null : series.Reason switch
    {
        CountReason.Weeks => L["WhyWeeks"].Value,
        CountReason.MissingVolumes when series.MissingMonth is { } month => series.MissingMonths > 1
            ? L["WhyMissingMore", series.MissingUnits, month.ToString("MMM yyyy", CultureInfo.CurrentCulture), series.MissingMonths].Value
            : L["WhyMissing", series.MissingUnits, month.ToString("MMM yyyy", CultureInfo.CurrentCulture)].Value,
        CountReason.NoAttentions when series.MissingMonth is { } month => L["WhyNoAttentions", month.ToString("MMM yyyy", CultureInfo.CurrentCulture)].Value,
        CountReason.NoUnits => L["WhyNoUnits"].Value,
        _ => null,
    };

    /// <summary>A charted value: a rate with two decimals, a count whole.</summary>
    private string Value(double value) => value.ToString(_chart?.IsRate == true ? "N2" : "N0", CultureInfo.CurrentCulture);

    /// <summary>The chart; and, when no unit is chosen, the units whose own chart shows a deterioration in the last period.</summary>
    private async Task LoadAsync()
    {
        var query = _query;
        _chart = await ReadOncePerLoadAsync($"chart:{query}", () => Indicators.ReadChartAsync(query, Scope));
        _worsening = query.UnitCode is null && Scope.Level != ScopeLevel.Unit
            ? await ReadOncePerLoadAsync($"worsening:{query}", () => Indicators.UnitsWithDeteriorationAsync(Scope, query.Category, query.Period, query.RegionCode))
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
    private string PeriodText(DateOnly start) => Reports.ComplaintIndicatorsReport.PeriodText(L, _query.Period, start);

    /// <summary>
    /// Under the chart a week is its Monday's date alone: "semana del 15 dic 2025" is wider than the space between two
    /// labels and ran into its neighbours (the period picker and each point's tooltip say it is a week).
    /// </summary>
    private string AxisText(DateOnly start) =>
        _query.Period == Period.Week ? start.ToString("d MMM yyyy", CultureInfo.CurrentCulture) : PeriodText(start);

    /// <summary>A mean or limit: one decimal for counts, two for rates (a rate of 1.5 per 10,000 moves in hundredths).</summary>
    private string Number(double value) => value.ToString(_chart?.IsRate == true ? "N2" : "N1", CultureInfo.CurrentCulture);

    private static string Percent(double? value) => value is { } v ? (v > 0 ? "+" : "") + v.ToString("N0", CultureInfo.CurrentCulture) + " %" : "—";

    /// <summary>Making Data Count's colours: orange a special cause of concern, blue of improvement, grey common cause.</summary>
    private static string Colour(Variation variation) => variation switch
    {
        Variation.Deterioration => "#ED8B00",
        Variation.Improvement => "#005EB8",
        _ => "#7F7F7F",
    };

    private string Reading(XmrPoint? point) => Reading(point?.Signals ?? SpcSignals.None);

    private string Reading(SpcSignals signals) => Reports.ComplaintIndicatorsReport.Reading(L, signals);

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
                PeriodText(last.Start), Value(chart.Value(chart.Periods.Count - 1)), chart.IsRate ? L["RateWords", ComplaintsWord].Value : ComplaintsWord,
                Reading(xmr.Points[^1]), Number(xmr.Limits.Mean), Number(Math.Max(0, xmr.Limits.LowerLimit)), Number(xmr.Limits.UpperLimit),
                Percent(xmr.PercentChange(chart.Value(chart.Periods.Count - 1))),
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
    private double MaxY => Math.Max(_chart?.IsRate == true ? 0.1 : 1,
        Math.Max(_chart?.Series.Values.DefaultIfEmpty(0).Max() ?? 0, _chart?.Chart?.Limits.UpperLimit ?? 0)) * 1.1;

    private double Step => (Width - Left - Right) / (double)Math.Max(1, _chart?.Periods.Count ?? 1);

    private double X(int index) => Left + Step * (index + 0.5);

    private double Y(double value) => Height - Bottom - (Height - Top - Bottom) * Math.Max(0, value) / MaxY;

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private string Polyline => string.Join(' ', (_chart?.Series.Values ?? []).Select((v, i) => $"{N(X(i))},{N(Y(v))}"));

    /// <summary>About eight labels along the axis, counted back from the last period.</summary>
    private bool ShowLabel(int index)
    {
        var count = _chart?.Periods.Count ?? 0;
        var every = Math.Max(1, (int)Math.Ceiling(count / 8.0));
        return (count - 1 - index) % every == 0;
    }
}
