using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Reads;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// Open cases per region (OOAD / Red), live: the page subscribes to the in-process feed and re-reads the
/// projection's counts at most four times a second, however many events arrive.
/// </summary>
public sealed partial class Regions : IDisposable
{
    private IReadOnlyList<RegionOpenCounts> _rows = [];
    private Institution? _institution;
    private DateTimeOffset _updatedAt;
    private LiveView? _live;

    private readonly TableSort<RegionOpenCounts> _sort = new(new Dictionary<string, Func<RegionOpenCounts, object?>>
    {
        ["region"] = r => r.RegionName,
        ["units"] = r => r.Units,
        ["open"] = r => r.OpenCases,
        ["complex"] = r => r.OpenComplex,
    }, "open", descending: true);

    /// <summary>The sortable columns with their headers, for the phone's sort picker.</summary>
    private IReadOnlyList<(string Column, string Label)> Columns =>
        [("region", L["Region"]), ("units", L["Units"]), ("open", L["OpenCases"]), ("complex", L["OpenComplex"])];

    [Inject] private IRegionReader Cases { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private IStringLocalizer<Regions> L { get; set; } = default!;

    [Inject] private IStringLocalizer<Vocabulary> V { get; set; } = default!;

    [Inject] private CatalogueService Catalogue { get; set; } = default!;

    [Inject] private IOptions<Wall.WallOptions> WallSettings { get; set; } = default!;

    private string Zone => Times.ViewerZone(Scope, Catalogue.Current, WallSettings.Value.TimeZone);


    private IReadOnlyList<RegionOpenCounts> Visible =>
        _institution is null ? _rows : _rows.Where(r => r.Institution == _institution).ToArray();

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadingAsync(LoadAsync);
        _live = Watch(LoadAsync);
    }

    private async Task LoadAsync()
    {
        _rows = await ReadOncePerLoadAsync("regions", () => Cases.ReadOpenCountsByRegionAsync(Scope));
        // The viewer's clock (their region's, else the institution's default), never the server's UTC.
        _updatedAt = TimeZoneInfo.ConvertTime(Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Zone));
    }

    private void OnInstitutionChanged(Institution? institution) => _institution = institution;

    /// <summary>A count; a dash while the page reads (not a zero that is not one).</summary>
    private string Format(int value) => Loading ? "—" : value.ToString("N0", CultureInfo.CurrentCulture);

    public void Dispose() => _live?.Dispose();
}
