using System.Globalization;
using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Reads;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// The wall display: the scope's big numbers, the units with the most overdue complex cases, regions by overdue rate
/// and a ticker. It reads nothing itself: the shared <see cref="WallBoard"/> reads once per scope for every wall.
/// No personal data is shown (no names, no NSS/DNI, no summaries).
/// </summary>
public sealed partial class WallPage : IDisposable
{
    private WallView? _view;
    private IDisposable? _watch;
    private ITimer? _clock;
    private ITimer? _rotation;
    private int _current;

    /// <summary>"all", "region:CODE" or "unit:CODE", within the viewer's scope; by default the viewer's own (a display token's).</summary>
    [Parameter] public string? WallScope { get; set; }

    /// <summary>
    /// A playlist when one screen is not enough: <c>/wall?playlist=all,region:IMSS-JAL,region:IMSS-NL&amp;every=30</c>
    /// shows each scope in turn for <see cref="Every"/> seconds. <c>recognition</c> (the viewer's scope) or
    /// <c>recognition:region:IMSS-JAL</c> is the recognition slide: the people praised most in the period
    /// (<see cref="Periodo"/>, the last 30 days by default).
    /// </summary>
    [SupplyParameterFromQuery] public string? Playlist { get; set; }

    /// <summary>Seconds per scope, 5–3,600; read as text so a mistyped link rotates at the default instead of failing.</summary>
    [SupplyParameterFromQuery] public string? Every { get; set; }

    /// <summary>The recognition slide's period: 7d, 30d (the default), 90d, trimestre or anio, on the wall's calendar.</summary>
    [SupplyParameterFromQuery(Name = "periodo")] public string? Periodo { get; set; }

    public const int DefaultRotationSeconds = 30;

    /// <summary>A playlist entry that is the recognition slide rather than a scope's live wall.</summary>
    public const string RecognitionSlide = "recognition";

    [Inject] private WallBoard Board { get; set; } = default!;

    [Inject] private Recognition.RecognitionWallCache Recognitions { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private Security.AuditTrail Audit { get; set; } = default!;

    [Inject] private IStringLocalizer<WallPage> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Shared.Vocabulary> V { get; set; } = default!;

    /// <summary>
    /// The scopes shown in turn. By default the viewer's own; for a nationwide viewer that is each institution's national
    /// wall in turn (IMSS and EsSalud have their own words, programme and clock); one wall over both only when asked for
    /// (<c>/wall/all</c>).
    /// </summary>
    private IReadOnlyList<WallSlide> _slides = [];

    private IReadOnlyList<ReadScope?> SlideScopes => _slides.Select(s => s.Scope).ToArray();

    private IReadOnlyList<WallSlide> ChooseSlides() => Playlist is { Length: > 0 } list
        ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseSlide).DefaultIfEmpty(new WallSlide(Scope, false)).ToArray()
        : WallScope is not null ? [ParseSlide(WallScope)]
        : Scope.Level == ScopeLevel.All ? Institutions.Select(s => new WallSlide(s, false)).ToArray()
        : [new WallSlide(Scope, false)];

    private WallSlide ParseSlide(string entry) =>
        entry == RecognitionSlide ? new WallSlide(Scope, true)
        : entry.StartsWith(RecognitionSlide + ":", StringComparison.Ordinal) ? new WallSlide(ReadScope.Parse(entry[(RecognitionSlide.Length + 1)..]), true)
        : new WallSlide(ReadScope.Parse(entry), false);

    /// <summary>
    /// On the institution's day of its attention staff (IMSS: 16 November, on the wall's own calendar) the wall opens with
    /// the técnicas' recognition, before whatever it was asked to show; checked again each time the playlist comes round.
    /// </summary>
    private WallSlide? _daySlide;

    private WallSlide? DaySlide()
    {
        var first = _slides.Count > 0 ? _slides[0].Scope : null;
        if (first is null || InstitutionOf(first) is not { } institution
            || Dashboard.Core.Profiles.InstitutionProfiles.Current.Find(institution) is not { RecognitionDay: not null } profile)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Board.ZoneOf(first)).DateTime);
        return profile.IsRecognitionDay(today) ? new WallSlide(first, true, TechniciansDay: true) : null;
    }

    private bool AnyRecognitionDay => _slides.Any(s => s.Scope is { } scope && InstitutionOf(scope) is { } i
        && Dashboard.Core.Profiles.InstitutionProfiles.Current.Find(i)?.RecognitionDay is not null);

    /// <summary>The slides in turn: the day's slide first when it is the day.</summary>
    private IReadOnlyList<WallSlide> Slides => _daySlide is { } day ? [day, .. _slides] : _slides;

    private WallSlide CurrentSlide => Slides.Count == 0 ? new WallSlide(Scope, false) : Slides[_current % Slides.Count];

    private IReadOnlyList<ReadScope?> Institutions => Catalogue.Current.Snapshot.Regions.Select(r => r.Institution).Distinct().Order()
        .Select(i => (ReadScope?)ReadScope.ForInstitution(i.ToString())).DefaultIfEmpty(ReadScope.All).ToArray();

    /// <summary>Why nothing but a message is shown: a scope mistyped or unknown, or one outside the viewer's (never zeros, which read as "all good").</summary>
    private WallProblem? _problem;

    private WallProblem? FindProblem()
    {
        if (SlideScopes.Any(s => s is null || !Exists(s)))
        {
            return new WallProblem("wall-unknown-scope", L["UnknownScope"], string.Format(CultureInfo.CurrentCulture, L["UnknownScopeDetail"], WallScope ?? Playlist));
        }

        return SlideScopes.Any(s => !Scope.Includes(s!, Catalogue.Current.RegionOfUnit, Catalogue.Current.InstitutionOfRegion))
            ? new WallProblem("wall-out-of-scope", L["OutOfScope"], L["OutOfScopeDetail"])
            : null;
    }

    private bool Exists(ReadScope scope) => scope.Level switch
    {
        ScopeLevel.Region => Catalogue.Current.FindRegion(scope.Code!) is not null,
        ScopeLevel.Unit => Catalogue.Current.FindUnit(scope.Code!) is not null,
        ScopeLevel.Institution => Catalogue.Current.Snapshot.Regions.Any(r => r.Institution.ToString() == scope.Code),
        _ => true,
    };

    private ReadScope ReadScope => CurrentSlide.Scope ?? Scope;

    /// <summary>The institution whose words, programme and clock the wall takes; none for a wall over both.</summary>
    private Institution? ScopeInstitution => InstitutionOf(ReadScope);

    private Institution? InstitutionOf(ReadScope scope) => scope.Level switch
    {
        ScopeLevel.Institution => new Institution(scope.Code!),
        ScopeLevel.Region => Catalogue.Current.FindRegion(scope.Code!)?.Institution,
        ScopeLevel.Unit => Catalogue.Current.FindUnit(scope.Code!)?.Institution,
        _ => null,
    };

    private string ScopeName => ReadScope.Level switch
    {
        ScopeLevel.Region => Catalogue.Current.FindRegion(ReadScope.Code!)?.Name ?? "",
        ScopeLevel.Unit => Catalogue.Current.FindUnit(ReadScope.Code!)?.Name ?? "",
        ScopeLevel.Institution => W("National"),
        _ => L["AllScope"],
    };

    /// <summary>The institution's own word for a wall text (its profile's vocabulary), or the shared one.</summary>
    private string W(string key) =>
        (ScopeInstitution is { } i ? Dashboard.Core.Profiles.InstitutionProfiles.Current.Find(i)?.Word(key, System.Globalization.CultureInfo.CurrentUICulture.Name) : null)
        ?? L[key].Value;

    /// <summary>When the numbers on screen were read, in the scope's time: what the offline banner cites.</summary>
    private string LastGood => _view is { } v ? TimeZoneInfo.ConvertTime(v.ReadAt, v.Zone).ToString("HH:mm", CultureInfo.CurrentCulture) : "";

    private DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Zone);

    private TimeZoneInfo Zone => CurrentSlide.Recognition ? Board.ZoneOf(ReadScope) : _view?.Zone ?? Board.ZoneOf(ReadScope);

    /// <summary>The clock's zone in words ("hora de CDMX"), never its IANA id.</summary>
    private string ZoneName => string.Format(CultureInfo.CurrentCulture, L["ZoneTime"], Times.ZoneShortName(V, Zone.Id));

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        // Chosen once, as the wall starts watching: the scopes it shows and whether it may show them.
        _slides = ChooseSlides();
        _problem = FindProblem();
        if (_problem is { TestId: "wall-out-of-scope" })
        {
            await Audit.RecordAsync(Viewer, Core.Access.AuditAction.AuthorizationFailed, null, Core.Access.AuditOutcome.Denied, $"wall {string.Join(',', SlideScopes)}");
            return;
        }

        if (_problem is not null)
        {
            return;
        }

        _daySlide = DaySlide();
        await WatchCurrentAsync();
        // A wall of one scope still turns on its institution's day (a TV left on for weeks meets 16 November).
        if (_slides.Count > 1 || AnyRecognitionDay)
        {
            var every = TimeSpan.FromSeconds(Math.Clamp(int.TryParse(Every, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : DefaultRotationSeconds, 5, 3600));
            _rotation = Time.CreateTimer(_ => _ = InvokeAsync(async () =>
            {
                var before = CurrentSlide;
                _current = (_current + 1) % Slides.Count;
                if (_current == 0)
                {
                    _daySlide = DaySlide();
                }

                if (CurrentSlide != before)
                {
                    await WatchCurrentAsync();
                    StateHasChanged();
                }
            }), null, every, every);
        }

        // The clock moves even when nothing happens (and the recognition slide takes its minute's numbers).
        _clock = Time.CreateTimer(_ => _ = InvokeAsync(async () =>
        {
            if (CurrentSlide.Recognition)
            {
                await ReadRecognitionAsync();
            }

            StateHasChanged();
        }), null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15));
    }

    private RecognitionBoard? _recognition;
    private Core.Recognition.RecognitionPeriod? _recognitionPeriod;

    /// <summary>The slide's period: the link's (the last 30 days by default); on the técnicas' day, their year so far.</summary>
    private Core.Recognition.RecognitionPeriod RecognitionPeriodNow()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Zone).DateTime);
        return CurrentSlide.TechniciansDay ? Core.Recognition.RecognitionPeriod.Of(Core.Recognition.RecognitionPeriod.Year, today)
            : Core.Recognition.RecognitionPeriod.Read(Periodo, null, null, today, out _);
    }

    private async Task ReadRecognitionAsync()
    {
        var slide = CurrentSlide;
        var period = RecognitionPeriodNow();
        var (from, to) = period.Bounds(Zone);
        var board = await Recognitions.ReadAsync(ReadScope, from, to, slide.TechniciansDay);
        // A late answer for a slide no longer shown is dropped.
        if (CurrentSlide == slide)
        {
            (_recognition, _recognitionPeriod) = (board, period);
        }
    }

    private async Task WatchCurrentAsync()
    {
        if (CurrentSlide.Recognition)
        {
            // The live numbers are not on this slide: nothing to watch until the playlist comes back to them.
            _watch?.Dispose();
            _watch = null;
            _view = null;
            await ReadRecognitionAsync();
            return;
        }

        // The last scope's numbers stay until the new scope's first view arrives: no blank screen between panels.
        _watch?.Dispose();
        var scope = ReadScope;
        _watch = await Board.WatchAsync(scope, view => _ = InvokeAsync(() =>
        {
            // A late view of the previous scope in the playlist is dropped.
            if (ReadScope == scope && !CurrentSlide.Recognition)
            {
                _view = view;
                StateHasChanged();
            }
        }));
    }

    private const int DueRows = 5;
    private const int TopUnitRows = 3;
    private const int PlaceRows = 6;

    /// <summary>
    /// Regions shown as tiles: six columns of four rows is what the panel holds with every letter at least 3.2vh (see
    /// wall.css). IMSS has 35 OOADs: the 24 with the highest share overdue are shown, the rest summed up beneath.
    /// </summary>
    private const int RegionColumns = 6;
    private const int MaxRegionTiles = 24;

    private static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private string Duration(TimeSpan? value) => value is not { } d ? "—"
        : d.TotalHours >= 1 ? string.Format(CultureInfo.CurrentCulture, L["HoursMinutes"], (int)d.TotalHours, d.Minutes)
        : string.Format(CultureInfo.CurrentCulture, L["Minutes"], Math.Max(0, (int)Math.Round(d.TotalMinutes)));

    /// <summary>The bimester's months ("nov–dic"): the wall always shows the current one, so its year goes without saying.</summary>
    private static string SurveyMonths(Core.Surveys.SurveyRound round)
    {
        var first = new DateOnly(round.Year, round.FirstMonth, 1);
        return $"{first.ToString("MMM", CultureInfo.CurrentCulture).TrimEnd('.')}–{first.AddMonths(1).ToString("MMM", CultureInfo.CurrentCulture).TrimEnd('.')}";
    }

    /// <summary>"satisfacción 82 %"; a small sample only as its interval, never a bare percentage of a few answers.</summary>
    private string SurveyFigure(Core.Surveys.Proportion satisfaction) => satisfaction.IsSmallSample
        ? L["SurveySmallSample", Dashboard.Web.Surveys.SurveyFormat.Range(satisfaction)]
        : L["SurveySatisfaction", Dashboard.Web.Surveys.SurveyFormat.Percent(satisfaction.Value)];

    private static string Percent(double? share) => share is { } s ? s.ToString("P0", CultureInfo.CurrentCulture) : "—";

    private static string ComplianceClass(double? share) => share is not { } s ? "" : s >= 0.9 ? "" : s >= 0.75 ? "is-warning" : "is-danger";

    /// <summary>Time left, as js/tablero.js keeps counting it down: "45 min", "2 h 05", "3 d 4 h".</summary>
    private string Countdown(TimeSpan left)
    {
        // Whole minutes rounded up, as the countdown in js/tablero.js: "1 min" until the deadline itself.
        var minutes = (int)Math.Ceiling(left.TotalMinutes);
        return left <= TimeSpan.Zero ? L["DueNow"]
            : minutes < 60 ? string.Format(CultureInfo.CurrentCulture, L["Minutes"], minutes)
            : minutes < 24 * 60 ? string.Format(CultureInfo.CurrentCulture, L["HoursMinutesShort"], minutes / 60, minutes % 60)
            : string.Format(CultureInfo.CurrentCulture, L["DaysHours"], minutes / (24 * 60), minutes / 60 % 24);
    }

    private Institution? InstitutionOfUnit(string unitCode) => Catalogue.Current.FindUnit(unitCode)?.Institution;

    private string KindWord(CaseKind kind, string unitCode) => V.Word($"Kind{kind}", InstitutionOfUnit(unitCode));

    private static string CategoryName(Institution? institution, string code) => institution is { } i ? Shared.Vocabulary.CategoryName(i, code) : code;

    private string CategoryName(string unitCode, string code) => CategoryName(InstitutionOfUnit(unitCode), code);

    private string UnitName(string code) => Catalogue.Current.FindUnit(code)?.Name ?? code;

    /// <summary>
    /// Text cut to what its box holds, at a word (<see cref="Shared.ShortText.AtWord"/>). Every size on the wall is a share
    /// of the screen's height, so a box holds the same number of characters on any 16:9 screen; the budgets below come
    /// from wall.css (a box's width over the average glyph width, 0.6 of the font size).
    /// </summary>
    internal static string Fit(string text, int characters) => Shared.ShortText.AtWord(text, characters);

    // Character budgets of the wall's boxes at 3.2vh (see Fit).
    private const int DueWhatCharacters = 17;
    private const int DueWhereCharacters = 19;
    private const int PlaceNameCharacters = 18;
    private const int RankNameCharacters = 14;
    private const int ScopeNameCharacters = 29;

    /// <summary>A director watching the wall on her desk follows a unit to its page; a TV has nothing to click.</summary>
    private static string UnitLink(string code) => $"/unidades/{Uri.EscapeDataString(code)}";

    private string RegionName(string code) => Catalogue.Current.FindRegion(code)?.Name ?? code;

    private string AgentName(string? id) => id is null ? L["Unassigned"] : Catalogue.Current.Snapshot.Agents.FirstOrDefault(a => a.Id == id)?.Name ?? L["UnknownAgent"];

    /// <summary>"10:42" today, "ayer 17:05" yesterday, "2 dic 17:05" before: a ticker line never passes an old event off as new.</summary>
    private string LocalTime(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        var days = (LocalNow.Date - local.Date).Days;
        var time = local.ToString("HH:mm", CultureInfo.CurrentCulture);
        return days <= 0 ? time
            : days == 1 ? string.Format(CultureInfo.CurrentCulture, L["YesterdayAt"], time)
            : string.Format(CultureInfo.CurrentCulture, L["DayAt"], local.ToString("d MMM", CultureInfo.CurrentCulture).TrimEnd('.'), time);
    }

    /// <summary>"10:42 · Caso abierto · Queja · Maltrato · UMF No. 12 Zapopan": words only, never a case number.</summary>
    private string TickText(WallTick t)
    {
        var parts = new List<string> { LocalTime(t.Event.OccurredAt), V[$"Event{t.Event.Type}"] };
        if (t.Kind is { } kind)
        {
            parts.Add(KindWord(kind, t.Event.UnitCode));
        }

        if (t.Category is { } category)
        {
            parts.Add(CategoryName(t.Event.UnitCode, category));
        }

        parts.Add(UnitName(t.Event.UnitCode));
        return string.Join(" · ", parts);
    }

    /// <summary>The ticker moves at a steady reading pace whatever its length: about six characters a second.</summary>
    private double TickerSeconds(IReadOnlyList<WallTick> ticks) => Math.Round(5 + ticks.Sum(t => TickText(t).Length + 4) / 6.0);

    /// <summary>The regions as tiles, worst first, in a grid about as wide as the panel allows; the rest summed up below.</summary>
    private static RegionGrid RegionTiles(IReadOnlyList<RegionOverdue> regions)
    {
        var shown = regions.OrderByDescending(r => r.OverdueRate).ThenByDescending(r => r.Overdue).ThenBy(r => r.RegionCode, StringComparer.Ordinal)
            .Take(MaxRegionTiles).ToArray();
        var columns = Math.Clamp(shown.Length, 1, RegionColumns);
        var rows = Math.Max(1, (int)Math.Ceiling(shown.Length / (double)columns));
        return new RegionGrid(shown, columns, rows, regions.Count - shown.Length);
    }

    private static string ShortRegion(string code) => code.Contains('-', StringComparison.Ordinal) ? code[(code.IndexOf('-', StringComparison.Ordinal) + 1)..] : code;

    /// <summary>Green under 5 % overdue, amber under 15 %, red above: readable across a room.</summary>
    private static string RateClass(double rate) => rate < 0.05 ? "is-ok" : rate < 0.15 ? "is-warning" : "is-danger";

    private static string TickClass(CaseEventType type) => type switch
    {
        CaseEventType.SlaBreached or CaseEventType.CaseEscalated => "is-danger",
        CaseEventType.SlaWarning => "is-warning",
        _ => "",
    };

    private sealed record RegionGrid(IReadOnlyList<RegionOverdue> Shown, int Columns, int Rows, int Hidden);

    private sealed record WallProblem(string TestId, string Title, string Detail);

    /// <summary>One slide of the playlist: a scope's live wall, or its recognition (on the técnicas' day, theirs alone).</summary>
    private sealed record WallSlide(ReadScope? Scope, bool Recognition, bool TechniciansDay = false);

    // Character budgets of the recognition slide's boxes (see Fit): half the screen's width less the rank and the count.
    private const int PraisedNameCharacters = 30;
    private const int PraisedWhereCharacters = 34;
    private const int LatestCharacters = 80;

    private string RecognitionTitle => CurrentSlide.TechniciansDay ? W("RecognitionDay") : W("RecognitionWall");

    private string RecognitionSubtitle(Core.Recognition.RecognitionPeriod p)
    {
        var culture = CultureInfo.CurrentCulture;
        string Day(DateOnly d, string format) => d.ToString(format, culture).Replace(".", "", StringComparison.Ordinal);
        var span = string.Format(culture, L["RecognitionFromTo"], Day(p.From, p.From.Year == p.To.Year ? "d MMM" : "d MMM yyyy"), Day(p.To, "d MMM yyyy"));
        return CurrentSlide.TechniciansDay ? string.Format(culture, L["RecognitionDaySubtitle"], span) : string.Format(culture, L["RecognitionSubtitle"], span);
    }

    private string PraisedName(Core.Cases.PraisedStaff p) => Recognition.PraisedNames.Name(Catalogue.Current, p, L["UnknownAgent"]);

    /// <summary>"Enfermería · HGZ No. 14 Guadalajara": the role whole and the unit cut to what is left; the unit alone when little is.</summary>
    private string PraisedWhere(PraisedCount p)
    {
        var role = Recognition.PraisedNames.Role(V, Catalogue.Current, p.Person, p.UnitCode);
        var unit = UnitName(p.UnitCode);
        var left = PraisedWhereCharacters - role.Length - 3;
        return role.Length + 3 + unit.Length <= PraisedWhereCharacters ? $"{role} · {unit}"
            : left >= 14 ? $"{role} · {Fit(unit, left)}"
            : Fit(unit, PraisedWhereCharacters);
    }

    private string LatestText(ComplimentEntry e) => string.Format(CultureInfo.CurrentCulture, L["RecognitionLatest"],
        $"{LocalTime(e.OpenedAt)} · {(e.Praised is { } p ? PraisedName(p) : L["RecognitionUnidentified"])} · {UnitName(e.UnitCode)}");

    public void Dispose()
    {
        _watch?.Dispose();
        _clock?.Dispose();
        _rotation?.Dispose();
    }
}
