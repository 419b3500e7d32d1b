using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Indicators;
using Dashboard.Core.Staff;
using Dashboard.Data.CatalogueImport;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Staff;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// Staff, Buen Trato certification and training within the viewer's scope: coverage (certified and current ÷ staff,
/// course complete ÷ staff; the goal is 100 %) per OOAD/Red with a drill-down to its units, the units without staff
/// loaded, the certifications due for renewal or expired, each person's missing sessions, the complaints per staff
/// role with their trend, and for administrators the roster's CSV import, all or nothing, its errors beside it.
/// </summary>
public sealed partial class TrainingPage
{
    /// <summary>Larger files are not one deployment's roster.</summary>
    /// <summary>How many units without staff the warning names before "and N more".</summary>
    private const int MissingShown = 12;

    /// <summary>How many due or expired certifications the list shows before "show all".</summary>
    private const int DueShown = 15;

    private bool _allDue;

    private string? _regionCode;
    private string? _unitCode;
    private Period _period = Period.Month;
    private StaffCoverageView? _view;
    private IReadOnlyList<StaffRoleTrend> _trend = [];
    private IReadOnlyList<CsvRowError> _importErrors = [];
    private int? _imported;

    [Inject] private StaffTrainingService Staff { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private IStringLocalizer<TrainingPage> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        // A region's or unit's reader starts at their own place: the drill-down a level they cannot leave adds nothing.
        _regionCode = Scope.RegionCode ?? (Scope.UnitCode is { } unit ? Catalogue.Current.FindUnit(unit)?.RegionCode : null);
        _unitCode = Scope.UnitCode;
        await LoadAsync();
    }

    private async Task SetAsync(string? regionCode, string? unitCode)
    {
        (_regionCode, _unitCode, _allDue) = (regionCode, unitCode, false);
        await LoadAsync();
    }

    private async Task SetPeriodAsync(Period period)
    {
        _period = period;
        _trend = await Staff.ReadComplaintTrendAsync(Scope, _period, _regionCode, _unitCode);
    }

    private async Task LoadAsync()
    {
        _view = await Staff.ReadCoverageAsync(Scope, _regionCode, _unitCode);
        _trend = await Staff.ReadComplaintTrendAsync(Scope, _period, _regionCode, _unitCode);
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

        using var reader = new StreamReader(memory, detectEncodingFromByteOrderMarks: true);
        var result = await Staff.ImportCsvAsync(reader, Viewer);
        _importErrors = result.Errors;
        if (result.Records is { } stored)
        {
            _imported = stored.Count;
            await LoadAsync();
        }
    }

    /// <summary>Whose words the page speaks: the chosen unit's or region's institution, else the scope's, else none.</summary>
    private Institution? Institution =>
        Catalogue.InstitutionOf(_regionCode ?? Scope.RegionCode, _unitCode ?? Scope.UnitCode)
        ?? (Scope.Institution is { } own && Core.Profiles.InstitutionProfiles.Current.Resolve(own) is { } institution ? institution : null);

    /// <summary>The course the page speaks of: the institution's when there is one, else the first profile's.</summary>
    private TrainingProgramme Programme => Institution is { } i
        ? StaffRules.ProgrammeOf(i.Code)
        : Core.Profiles.InstitutionProfiles.Current.All is [var first, ..] ? first.Training : TrainingProgramme.Default;

    private int NoticeDays => Programme.RenewalNoticeDays;

    /// <summary>"6 sesiones", or "4 (IMSS) y 6 (EsSalud) sesiones" when the page covers institutions with different courses.</summary>
    private string SessionsText => Institution is not null || _view is null || _view.Institutions.Count <= 1
        ? L["SessionCount", Programme.SessionCount]
        : L["SessionCount", string.Join(" / ", _view.Institutions.Select(i => $"{StaffRules.ProgrammeOf(i.Institution.Code).SessionCount} ({InstitutionName(i.Institution)})"))];

    private IEnumerable<Region> Regions => Catalogue.Current.Snapshot.Regions
        .Where(r => Staff.Units(Scope, r.Code).Count > 0)
        .OrderBy(r => r.Institution).ThenBy(r => r.Name, StringComparer.CurrentCulture);

    private IEnumerable<Unit> RegionUnits => _regionCode is { } region ? Staff.Units(Scope, region) : [];

    private string RegionText(string? code) => code is null or "" ? L["AllRegions"] : Catalogue.Current.FindRegion(code)?.Name ?? code;

    private string UnitText(string? code) => code is null or "" ? L["AllUnits"] : Catalogue.Current.FindUnit(code)?.Name ?? code;

    private static string InstitutionName(Institution institution) => Core.Profiles.InstitutionProfiles.Current.Find(institution)?.Name ?? institution.Code;

    private string RoleName(StaffPerson p)
    {
        var institution = Core.Profiles.InstitutionProfiles.Current.Resolve(p.Staff.Institution);
        return p.Member.StaffRole == StaffRules.AttentionTechnician
            ? V.Word("AttentionTechnician", institution)
            : institution is { } i ? Vocabulary.StaffRoleName(i, p.Member.StaffRole) : p.Member.StaffRole;
    }

    private static string SessionName(TrainingSession s) =>
        $"{s.Number}. {(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? s.Es : s.En)}";

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    private string PeriodName(Period period) => L["Period" + period];

    /// <summary>A period as people name it: "nov 2026", "sep–oct 2026", "T4 2026", "semana del 30 nov 2026".</summary>
    private string PeriodText(PeriodCount p) => _period switch
    {
        Period.Week => L["WeekLabel", p.Start.ToString("d MMM", CultureInfo.CurrentCulture)],
        Period.Month => p.Start.ToString("MMM yyyy", CultureInfo.CurrentCulture),
        Period.Bimester => L["BimesterLabel", p.Start.ToString("MMM", CultureInfo.CurrentCulture), p.Start.AddMonths(1).ToString("MMM", CultureInfo.CurrentCulture), p.Start.Year],
        _ => L["QuarterLabel", (p.Start.Month - 1) / 3 + 1, p.Start.Year],
    };

    /// <summary>A heading starts with a capital even when the institution's word does not ("quejas por área del personal").</summary>
    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Percent(double value) => (value * 100).ToString("N0", CultureInfo.CurrentCulture) + " %";
}
