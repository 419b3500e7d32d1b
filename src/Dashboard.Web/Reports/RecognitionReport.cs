using Dashboard.Core.Catalogue;
using Dashboard.Core.Reads;
using Dashboard.Core.Recognition;
using Dashboard.Core.Storage;
using Dashboard.Web.Catalogue;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Recognition;
using Dashboard.Web.Wall;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Reports;

/// <summary>
/// The recognition page's tables as a download for its period (the page's own <c>periodo</c> / <c>desde</c> /
/// <c>hasta</c>): every person praised with their compliments, then the units and the OOADs/Redes with how many
/// compliments named nobody. Never the insured person, nor a compliment's words.
/// </summary>
public sealed class RecognitionReport(IRecognitionReader cases, CatalogueService catalogue, IOptions<WallOptions> wall, TimeProvider time,
    IStringLocalizer<RecognitionPage> words, IStringLocalizer<Vocabulary> vocabulary)
{
    public const string People = "people";
    public const string Units = "units";
    public const string Regions = "regions";

    public static readonly string[] Tables = [People, Units, Regions];

    /// <summary>More people than any scope has praised in a year: the download lists them all.</summary>
    public const int MaxPeople = 100_000;

    /// <summary>The clock the period's days are read on: the viewer's scope's, as on the page.</summary>
    public TimeZoneInfo ZoneOf(ReadScope scope) => Times.Find(Times.ViewerZone(scope, catalogue.Current, wall.Value.TimeZone));

    public DateOnly TodayOf(ReadScope scope) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), ZoneOf(scope)).DateTime);

    public async Task<IReadOnlyList<ReportTable>> ReadAsync(RecognitionPeriod period, ReadScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        var (from, to) = period.Bounds(ZoneOf(scope));
        var board = await cases.ReadRecognitionAsync(scope, from, to, MaxPeople, cancellationToken: cancellationToken);
        var index = catalogue.Current;
        var institution = scope.Level switch
        {
            ScopeLevel.Institution => new Institution(scope.Code!),
            ScopeLevel.Region => index.FindRegion(scope.Code!)?.Institution,
            ScopeLevel.Unit => index.FindUnit(scope.Code!)?.Institution,
            _ => (Institution?)null,
        };
        var regionWord = institution is { } i ? vocabulary.Word("Region", i) : words["RegionBoth"].Value;
        string Unit(string code) => index.FindUnit(code)?.Name ?? code;
        string Region(string code) => index.FindRegion(code)?.Name ?? code;

        return
        [
            ReportTable.Of(words["ExportPeopleSheet"], [words["ExportPerson"], words["ExportRole"], words["ExportUnit"], regionWord, words["Compliments"]],
                board.People.Select(p => new object?[]
                {
                    PraisedNames.Name(index, p.Person, words["AgentNotInCatalogue"]), PraisedNames.Role(vocabulary, index, p.Person, p.UnitCode), Unit(p.UnitCode),
                    Region(p.RegionCode), p.Compliments,
                })),
            ReportTable.Of(words["ByUnit"], [words["ExportUnit"], regionWord, words["Compliments"], words["UnidentifiedShort"]],
                board.Units.Select(u => new object?[] { Unit(u.Code), index.FindUnit(u.Code) is { } found ? Region(found.RegionCode) : "", u.Compliments, u.Unidentified })),
            ReportTable.Of(words["ByRegion", regionWord], [regionWord, words["Compliments"], words["UnidentifiedShort"]],
                board.Regions.Select(r => new object?[] { Region(r.Code), r.Compliments, r.Unidentified })),
        ];
    }
}
