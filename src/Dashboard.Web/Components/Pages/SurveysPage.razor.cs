using Dashboard.Core.Catalogue;
using Dashboard.Core.Surveys;
using Dashboard.Data.CatalogueImport;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Surveys;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// Perception surveys: a round (bimester) within the viewer's scope — coverage (the hospitals without a result; the goal
/// is 100 %), each hospital's satisfaction and "trato digno" with their 95 % interval (below 30 answers only the interval,
/// marked as a small sample), the trend per institution, OOAD/Red and hospital over the last rounds, and for
/// administrators the CSV import, all or nothing, its errors beside it.
/// </summary>
public sealed partial class SurveysPage
{
    /// <summary>How many rounds the picker offers: two years.</summary>
    private const int RoundChoices = 12;

    /// <summary>Larger files are not survey results of one deployment.</summary>
    private SurveyRound _round;
    private string? _regionCode;
    private string? _unitCode;
    private SurveyRoundView? _view;
    private IReadOnlyList<SurveyTrend> _trend = [];
    private IReadOnlyList<CsvRowError> _importErrors = [];
    private int? _imported;

    [Inject] private SurveyService Surveys { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private IStringLocalizer<SurveysPage> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _round = Surveys.CurrentRound;
        await LoadAsync();
    }

    private async Task SetAsync(SurveyRound round, string? regionCode, string? unitCode)
    {
        (_round, _regionCode, _unitCode) = (round, regionCode, unitCode);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _view = await Surveys.ReadRoundAsync(_round, Scope, _regionCode, _unitCode, withAnswers: true);
        _trend = await Surveys.ReadTrendAsync(_round, Scope, _regionCode, _unitCode);
    }

    private async Task ImportAsync(InputFileChangeEventArgs e)
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

        TextReader reader;
        if (Imports.WorkbookAsCsv.IsWorkbook(memory.GetBuffer().AsSpan(0, (int)memory.Length)))
        {
            // An Excel workbook: its first sheet is checked as the CSV would be, and its rows are the lines named.
            if (Imports.WorkbookAsCsv.Read(memory) is not { } csv)
            {
                _importErrors = [new CsvRowError(e.File.Name, 0, "", L["WorkbookUnreadable"])];
                return;
            }

            reader = new StringReader(csv);
        }
        else
        {
            reader = new StreamReader(memory, detectEncodingFromByteOrderMarks: true);
        }

        using var _ = reader;
        var result = await Surveys.ImportCsvAsync(reader, Viewer);
        _importErrors = result.Errors;
        if (result.Results is { } stored)
        {
            _imported = stored.Count;
            await LoadAsync();
        }
    }

    /// <summary>Whose words the page speaks: the chosen unit's or region's institution, else the scope's, else none.</summary>
    private Institution? Institution =>
        Catalogue.InstitutionOf(_regionCode ?? Scope.RegionCode, _unitCode ?? Scope.UnitCode)
        ?? (Scope.Institution is { } own && Core.Profiles.InstitutionProfiles.Current.Resolve(own) is { } institution ? institution : null);

    private string InsuredWord => V.Word("InsuredPlural", Institution);

    private IEnumerable<Region> Regions => Catalogue.Current.Snapshot.Regions
        .Where(r => Surveys.Hospitals(Scope, r.Code).Count > 0)
        .OrderBy(r => r.Institution).ThenBy(r => r.Name, StringComparer.CurrentCulture);

    private IEnumerable<Unit> RegionHospitals => _regionCode is { } region ? Surveys.Hospitals(Scope, region) : [];

    private string RegionText(string? code) => code is null or "" ? L["AllRegions"] : Catalogue.Current.FindRegion(code)?.Name ?? code;

    private string UnitText(string? code) => code is null or "" ? L["AllHospitals"] : Catalogue.Current.FindUnit(code)?.Name ?? code;

    private static string RoundText(SurveyRound round) => SurveyFormat.Round(round);

    private string TrendName(SurveyTrend trend) => trend.Level switch
    {
        TrendLevel.Institution => Core.Profiles.InstitutionProfiles.Current.Resolve(trend.Code) is { } i ? V.Word("National", i) : trend.Name,
        // Region names already say what they are ("OOAD Jalisco", "Red Prestacional Rebagliati").
        TrendLevel.Region => trend.Name,
        _ => trend.Name,
    };

    /// <summary>A column header starts with a capital even when the institution's word does not ("derechohabientes encuestados").</summary>
    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpper(text[0], System.Globalization.CultureInfo.CurrentCulture) + text[1..];

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Percent(double value) => SurveyFormat.Percent(value);

    /// <summary>"80 % (73–86 %)"; a small sample shows only its interval, marked, never a bare percentage.</summary>
    private string Figure(Proportion p) => SurveyFormat.Figure(p, (range, answers) => L["SmallSample", range, answers]);

    /// <summary>"Respuestas por pregunta"; where the scope spans institutions, each table names its institution's programme.</summary>
    private string AnswersTitle(string institution, SurveyRoundView view) =>
        view.Questions.Select(q => q.Institution).Distinct().Count() > 1 && Core.Profiles.InstitutionProfiles.Current.Resolve(institution) is { } i
            ? L["AnswersOf", V.Word("National", i)]
            : L["Answers"];

    private static bool Spanish => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es";

    private static string QuestionText(SurveyQuestion q) => Spanish ? q.Es : q.En;

    private static string OptionText(SurveyScaleOption o) => Spanish ? o.Es : o.En;
}
