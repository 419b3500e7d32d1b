using System.Globalization;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Reads;
using Dashboard.Core.Recognition;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Live;
using Dashboard.Web.Recognition;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// Muro de Trato Digno: compliments counted for the person they praise (a técnica of the catalogue, or a name and role),
/// per unit and OOAD / Red, over a period written in the link (<c>?periodo=trimestre</c>, <c>?desde=…&amp;hasta=…</c>),
/// and the newest ones, live. Compliments that name nobody are counted as such, never for the técnica who took the
/// case. Names of the staff are shown (this is their recognition); nothing of the insured person is.
/// </summary>
public sealed partial class RecognitionPage : IDisposable
{
    private const int PeopleRows = 20;
    private const int UnitRows = 15;
    private const int RegionRows = 20;

    private RecognitionBoard _board = RecognitionBoard.Empty;
    private RecognitionPeriod _period = RecognitionPeriod.Of(RecognitionPeriod.Default, DateOnly.MinValue.AddYears(1));
    private PeriodProblem? _problem;
    private string? _presetChoice;
    private string? _from;
    private string? _to;
    private LiveView? _live;

    /// <summary>7d, 30d (the default), 90d, trimestre or anio.</summary>
    [SupplyParameterFromQuery(Name = "periodo")] public string? Periodo { get; set; }

    /// <summary>The first day, yyyy-MM-dd, on the scope's calendar.</summary>
    [SupplyParameterFromQuery(Name = "desde")] public string? Desde { get; set; }

    /// <summary>The last day, included; today when left out.</summary>
    [SupplyParameterFromQuery(Name = "hasta")] public string? Hasta { get; set; }

    [Inject] private IRecognitionReader Cases { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IStringLocalizer<RecognitionPage> L { get; set; } = default!;

    [Inject] private Microsoft.Extensions.Options.IOptions<Wall.WallOptions> WallSettings { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        // A compliment is a case opened as one: only openings can change the wall.
        _live = Watch(LoadAsync, e => e.Type == CaseEventType.CaseOpened);
    }

    protected override async Task OnParametersSetAsync()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Zone).DateTime);
        _period = RecognitionPeriod.Read(Periodo, Desde, Hasta, today, out _problem);
        _presetChoice = null;
        // A bad date stays in its field with its message; a good period shows its own dates.
        _from = _problem is null || string.IsNullOrEmpty(Desde) ? _period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Desde;
        _to = _problem is null || string.IsNullOrEmpty(Hasta) ? _period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Hasta;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var (from, to) = _period.Bounds(Zone);
        _board = await Cases.ReadRecognitionAsync(Scope, from, to, PeopleRows);
    }

    private TimeZoneInfo Zone => Times.Find(Times.ViewerZone(Scope, Catalogue.Current, WallSettings.Value.TimeZone));

    /// <summary>The preset shown in the select: the reader's pending choice of dates, or the link's period (dates when the link's dates were wrong).</summary>
    private string SelectedPreset => _presetChoice ?? (_problem is { Parameter: "desde" or "hasta" } ? RecognitionPeriod.Custom : _period.Preset);

    private void PresetChanged(string preset)
    {
        if (preset == RecognitionPeriod.Custom)
        {
            // Two dates are asked for first; the link changes when they are applied.
            _presetChoice = preset;
            return;
        }

        Go(RecognitionPeriod.Of(preset, _period.To).Query);
    }

    private void ApplyDates() =>
        Go($"desde={Uri.EscapeDataString(_from ?? "")}&hasta={Uri.EscapeDataString(_to ?? "")}");

    private void Go(string query)
    {
        var path = Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0];
        Navigation.NavigateTo(query.Length == 0 ? $"/{path}" : $"/{path}?{query}");
    }

    /// <summary>The page's tables for its own period, as files (the export reads the same period keys).</summary>
    private IReadOnlyList<(string, string, string)> Downloads
    {
        get
        {
            var query = _period.Query;
            string Csv(string table) => $"/api/v1/exports/recognition.csv?{(query.Length == 0 ? "" : query + "&")}table={table}";
            return
            [
                (L["DownloadXlsx"], $"/api/v1/exports/recognition.xlsx{(query.Length == 0 ? "" : "?" + query)}", "download-recognition-xlsx"),
                (L["DownloadCsvPeople"], Csv(Reports.RecognitionReport.People), "download-recognition-people"),
                (L["DownloadCsvUnits"], Csv(Reports.RecognitionReport.Units), "download-recognition-units"),
                (L["DownloadCsvRegions", RegionWord], Csv(Reports.RecognitionReport.Regions), "download-recognition-regions"),
            ];
        }
    }

    private string? Problem(string parameter) => _problem is { } p && p.Parameter == parameter ? L[$"Problem_{p.Code}", RecognitionPeriod.MaxDays].Value : null;

    private Institution? ScopeInstitution => Scope.Level switch
    {
        ScopeLevel.Institution => new Institution(Scope.Code!),
        ScopeLevel.Region => Catalogue.Current.FindRegion(Scope.Code!)?.Institution,
        ScopeLevel.Unit => Catalogue.Current.FindUnit(Scope.Code!)?.Institution,
        _ => null,
    };

    private string Title => V.Word("RecognitionWall", ScopeInstitution) is { Length: > 0 } own && own != "RecognitionWall" ? own : L["Title"];

    private string RegionWord => ScopeInstitution is { } i ? V.Word("Region", i) : L["RegionBoth"];

    /// <summary>"Felicitaciones a su personal · del 5 nov al 4 dic de 2026".</summary>
    private string Subtitle => string.Format(CultureInfo.CurrentCulture, L["Subtitle"], PeriodText(_period));

    private string PeriodText(RecognitionPeriod p)
    {
        var culture = CultureInfo.CurrentCulture;
        var from = p.From.ToString(p.From.Year == p.To.Year ? "d MMM" : "d MMM yyyy", culture).TrimEnd('.');
        var to = p.To.ToString("d MMM yyyy", culture).Replace(".", "", StringComparison.Ordinal);
        return string.Format(culture, L["FromTo"], from.Replace(".", "", StringComparison.Ordinal), to);
    }

    private string PersonName(PraisedStaff p) => PraisedNames.Name(Catalogue.Current, p, L["AgentNotInCatalogue"]);

    private string UnitName(string code) => Catalogue.Current.FindUnit(code)?.Name ?? code;

    private string RegionName(string code) => Catalogue.Current.FindRegion(code)?.Name ?? code;

    private static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A time on its unit's clock, marked with the zone's short name when the list spans zones ("CDMX", "Lima").</summary>
    private string Local(string unitCode, DateTimeOffset at) => V.TimeIn(at, ZoneOf(unitCode), SpansZones);

    private string ZoneOf(string unitCode) => Times.UnitZone(Catalogue.Current, unitCode, WallSettings.Value.TimeZone);

    private bool SpansZones => _board.Latest.Select(e => e.UnitCode).Select(ZoneOf).Distinct(StringComparer.Ordinal).Skip(1).Any();

    public void Dispose()
    {
        _live?.Dispose();
    }
}
