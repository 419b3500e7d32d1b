using Dashboard.Core.Cases;
using Dashboard.Core.Catalogue;
using Dashboard.Core.Sla;
using Dashboard.Core.Storage;
using Dashboard.Web.Sla;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Catalogue;

/// <summary>
/// Holds the reference data every event is checked against: the catalogue, and the calendars and policies of the
/// SLA engine (with the administrators' extra holidays), built on the institution profiles in use. Reloaded whole after
/// any of them changes.
/// </summary>
public sealed class CatalogueService(ICatalogueStore store, IHolidayStore holidays, IOptions<SlaOptions> slaOptions)
{
    private volatile Reference _current = new(CatalogueIndex.Empty, new CaseContext(CatalogueIndex.Empty.FindUnit, new SlaEngine(new SlaCalendars(), EscalationLadder.Default)));

    public CatalogueIndex Current => _current.Index;

    /// <summary>What the case rules need: units and the SLA engine, consistent with <see cref="Current"/>.</summary>
    public CaseContext Context => _current.Context;

    /// <summary>An instant on the clock of the unit's own time zone (unchanged for a unit not in the catalogue).</summary>
    public DateTimeOffset UnitTime(string unitCode, DateTimeOffset instant) =>
        Current.FindUnit(unitCode) is { } unit ? TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)) : instant;

    /// <summary>Every zone of the catalogue's units and regions as its offset at <paramref name="instant"/>: how reads turn instants into each unit's days.</summary>
    public DayZones DaysAt(DateTimeOffset instant) =>
        DayZones.At(Current.Snapshot.Units.Select(u => u.TimeZone).Concat(Current.Snapshot.Regions.Select(r => r.TimeZone)), instant);

    /// <summary>The institution of a unit or region (the unit wins), or null when neither is known.</summary>
    public Institution? InstitutionOf(string? regionCode, string? unitCode) =>
        (unitCode is null ? null : Current.FindUnit(unitCode)?.Institution) ?? (regionCode is null ? null : Current.FindRegion(regionCode)?.Institution);

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        var index = new CatalogueIndex(await store.ReadAllAsync(cancellationToken));
        var options = slaOptions.Value;
        var calendars = new SlaCalendars(options.HoursByType(), await holidays.ReadAllAsync(cancellationToken));
        _current = new Reference(index, new CaseContext(index.FindUnit, new SlaEngine(calendars, options.BuildLadder(Core.Profiles.InstitutionProfiles.Current))) { LateEventWindow = options.LateEventWindow });
    }

    public async Task UpsertAsync(CatalogueSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        await store.UpsertAsync(snapshot, cancellationToken);
        await ReloadAsync(cancellationToken);
    }

    private sealed record Reference(CatalogueIndex Index, CaseContext Context);
}
