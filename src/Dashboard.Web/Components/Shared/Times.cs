using System.Globalization;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Storage;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// Times as people read them: never UTC, never an IANA id. A case's time is on its unit's clock; a list that spans
/// several zones marks each time with its zone's short name ("CDMX", "Lima"); an administration page uses the
/// viewer's zone (their region's or unit's, else the institution's default).
/// </summary>
public static class Times
{
    /// <summary>The zone's name from the resources ("Hora de Perú (Lima)"); for a zone they lack, its city ("Bahia Banderas"), never "America/…".</summary>
    public static string ZoneName(IStringLocalizer<Vocabulary> words, string zoneId)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words[$"Zone_{Key(zoneId)}"] is { ResourceNotFound: false } name ? name.Value : City(zoneId);
    }

    /// <summary>The zone's short name ("CDMX", "Lima"), for marking a time in a list that spans zones.</summary>
    public static string ZoneShortName(IStringLocalizer<Vocabulary> words, string zoneId)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words[$"ZoneShort_{Key(zoneId)}"] is { ResourceNotFound: false } name ? name.Value : City(zoneId);
    }

    /// <summary>An instant on a zone's clock, in the reader's format ("04/12/2026 09:00").</summary>
    public static string Format(DateTimeOffset instant, string zoneId) =>
        TimeZoneInfo.ConvertTime(instant, Find(zoneId)).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The zone a viewer reads administration times in: their unit's or region's, else <paramref name="defaultZone"/>.</summary>
    public static string ViewerZone(ReadScope scope, CatalogueIndex catalogue, string defaultZone)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(catalogue);
        return scope.Level switch
        {
            ScopeLevel.Unit => catalogue.FindUnit(scope.Code!)?.TimeZone,
            ScopeLevel.Region => catalogue.FindRegion(scope.Code!)?.TimeZone,
            _ => null,
        } ?? defaultZone;
    }

    /// <summary>The unit's zone; the default for a unit the catalogue does not know.</summary>
    public static string UnitZone(CatalogueIndex catalogue, string unitCode, string defaultZone)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return catalogue.FindUnit(unitCode)?.TimeZone ?? defaultZone;
    }

    internal static TimeZoneInfo Find(string zoneId) => TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    private static string Key(string zoneId) => zoneId.Replace('/', '_').Replace('-', '_');

    private static string City(string zoneId) => zoneId[(zoneId.LastIndexOf('/') + 1)..].Replace('_', ' ');
}
