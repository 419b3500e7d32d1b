using System.Globalization;
using Dashboard.Core.Cases;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
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
    /// shows each scope in turn for <see cref="Every"/> seconds.
    /// </summary>
    [SupplyParameterFromQuery] public string? Playlist { get; set; }

    /// <summary>Seconds per scope, 5–3,600; read as text so a mistyped link rotates at the default instead of failing.</summary>
    [SupplyParameterFromQuery] public string? Every { get; set; }

    public const int DefaultRotationSeconds = 30;

    [Inject] private WallBoard Board { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private Security.AuditTrail Audit { get; set; } = default!;

    [Inject] private IStringLocalizer<WallPage> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Shared.Vocabulary> V { get; set; } = default!;

    private IReadOnlyList<ReadScope> Scopes => Playlist is { Length: > 0 } list
        ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ReadScope.Parse).OfType<ReadScope>().DefaultIfEmpty(Scope).ToArray()
        : [WallScope is null ? Scope : ReadScope.Parse(WallScope) ?? Scope];

    /// <summary>A wall asked for a scope its viewer may not read shows nothing of it.</summary>
    private bool OutOfScope => Scopes.Any(s => !Scope.Includes(s, unit => Catalogue.Current.FindUnit(unit)?.RegionCode));

    private ReadScope ReadScope => Scopes[_current % Scopes.Count];

    private string ScopeName => ReadScope.Level switch
    {
        ScopeLevel.Region => Catalogue.Current.FindRegion(ReadScope.Code!)?.Name ?? ReadScope.Code!,
        ScopeLevel.Unit => Catalogue.Current.FindUnit(ReadScope.Code!)?.Name ?? ReadScope.Code!,
        _ => L["AllScope"],
    };

    /// <summary>When the numbers on screen were read, in the scope's time: what the offline banner cites.</summary>
    private string LastGood => _view is { } v ? TimeZoneInfo.ConvertTime(v.ReadAt, v.Zone).ToString("HH:mm", CultureInfo.CurrentCulture) : "";

    private DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), _view?.Zone ?? TimeZoneInfo.Utc);

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        if (OutOfScope)
        {
            await Audit.RecordAsync(Viewer, Core.Access.AuditAction.AuthorizationFailed, null, Core.Access.AuditOutcome.Denied, $"wall {string.Join(',', Scopes)}");
            return;
        }

        await WatchCurrentAsync();
        if (Scopes.Count > 1)
        {
            var every = TimeSpan.FromSeconds(Math.Clamp(int.TryParse(Every, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : DefaultRotationSeconds, 5, 3600));
            _rotation = Time.CreateTimer(_ => _ = InvokeAsync(async () =>
            {
                _current = (_current + 1) % Scopes.Count;
                await WatchCurrentAsync();
                StateHasChanged();
            }), null, every, every);
        }

        // The clock moves even when nothing happens.
        _clock = Time.CreateTimer(_ => _ = InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15));
    }

    private async Task WatchCurrentAsync()
    {
        // The last scope's numbers stay until the new scope's first view arrives: no blank screen between panels.
        _watch?.Dispose();
        var scope = ReadScope;
        _watch = await Board.WatchAsync(scope, view => _ = InvokeAsync(() =>
        {
            // A late view of the previous scope in the playlist is dropped.
            if (ReadScope == scope)
            {
                _view = view;
                StateHasChanged();
            }
        }));
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private string Duration(TimeSpan? value) => value is not { } d ? "—"
        : d.TotalHours >= 1 ? string.Format(CultureInfo.CurrentCulture, L["HoursMinutes"], (int)d.TotalHours, d.Minutes)
        : string.Format(CultureInfo.CurrentCulture, L["Minutes"], Math.Max(0, (int)Math.Round(d.TotalMinutes)));

    private string UnitName(string code) => Catalogue.Current.FindUnit(code)?.Name ?? code;

    private string LocalTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _view?.Zone ?? TimeZoneInfo.Utc).ToString("HH:mm", CultureInfo.CurrentCulture);

    private static string ShortRegion(string code) => code.Contains('-', StringComparison.Ordinal) ? code[(code.IndexOf('-', StringComparison.Ordinal) + 1)..] : code;

    /// <summary>Green under 5 % overdue, amber under 15 %, red above: readable across a room.</summary>
    private static string RateClass(double rate) => rate < 0.05 ? "is-ok" : rate < 0.15 ? "is-warning" : "is-danger";

    private static string TickClass(CaseEventType type) => type switch
    {
        CaseEventType.SlaBreached or CaseEventType.CaseEscalated => "is-danger",
        CaseEventType.SlaWarning => "is-warning",
        _ => "",
    };

    public void Dispose()
    {
        _watch?.Dispose();
        _clock?.Dispose();
        _rotation?.Dispose();
    }
}
