using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// Muro de Trato Digno: compliments per técnica and unit over the last days, and the newest ones, live. Names of the
/// staff are shown (this is their recognition); nothing of the insured person is.
/// </summary>
public sealed partial class RecognitionPage : IDisposable
{
    public const int Days = 30;

    private IReadOnlyList<ComplimentCount> _byAgent = [];
    private IReadOnlyList<ComplimentEntry> _latest = [];
    private LiveView? _live;

    [Inject] private IRecognitionReader Cases { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private IStringLocalizer<RecognitionPage> L { get; set; } = default!;

    [Inject] private Microsoft.Extensions.Options.IOptions<Wall.WallOptions> WallSettings { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;


    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadAsync();
        // A compliment is a case opened as one: only openings can change the wall.
        _live = Watch(LoadAsync, e => e.Type == CaseEventType.CaseOpened);
    }

    private async Task LoadAsync() =>
        (_byAgent, _latest) = await Cases.ReadComplimentsAsync(Scope, Time.GetUtcNow().AddDays(-Days), 20);

    private string AgentName(string? id) => id is null ? L["NoAgent"] : Catalogue.Current.Snapshot.Agents.FirstOrDefault(a => a.Id == id)?.Name ?? L["AgentNotInCatalogue"];

    private string UnitName(string code) => Catalogue.Current.FindUnit(code)?.Name ?? code;

    /// <summary>A time on its unit's clock, marked with the zone's short name when the list spans zones ("CDMX", "Lima").</summary>
    private string Local(string unitCode, DateTimeOffset at) => V.TimeIn(at, ZoneOf(unitCode), SpansZones);

    private string ZoneOf(string unitCode) => Times.UnitZone(Catalogue.Current, unitCode, WallSettings.Value.TimeZone);

    private bool SpansZones => _latest.Select(e => e.UnitCode).Concat(_byAgent.Select(r => r.UnitCode)).Select(ZoneOf).Distinct(StringComparer.Ordinal).Skip(1).Any();

    public void Dispose()
    {
        _live?.Dispose();
    }
}
