
namespace Dashboard.Core.Storage;

/// <summary>
/// How a read turns instants into days: each time zone the units use, as its UTC offset in minutes at one instant
/// (the read's "now"). A case's day is the day on its own unit's clock; a unit whose zone is missing counts in UTC.
/// </summary>
/// <remarks>
/// One offset per zone for the whole period keeps the day arithmetic inside SQL (neither SQLite nor SQL Server knows
/// IANA zones). Mexico and Peru have no daylight saving time; in a zone that has it (Baja California) the cases of the
/// one or two hours around a change inside the period fall into the neighbouring day.
/// </remarks>
public sealed record DayZones(IReadOnlyDictionary<string, int> OffsetMinutes)
{
    public static DayZones Utc { get; } = new(new Dictionary<string, int>());

    public static DayZones At(IEnumerable<string> zoneIds, DateTimeOffset instant) =>
        new(zoneIds.Distinct(StringComparer.Ordinal).ToDictionary(
            id => id,
            id => (int)TimeZoneInfo.FindSystemTimeZoneById(id).GetUtcOffset(instant).TotalMinutes,
            StringComparer.Ordinal));

    private int MaxOffset => OffsetMinutes.Count == 0 ? 0 : Math.Max(0, OffsetMinutes.Values.Max());

    private int MinOffset => OffsetMinutes.Count == 0 ? 0 : Math.Min(0, OffsetMinutes.Values.Min());

    /// <summary>The first instant at which <paramref name="day"/> has begun in some zone: a lower bound for an index range.</summary>
    public DateTimeOffset EarliestStart(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(-MaxOffset);

    /// <summary>
    /// The earliest instant at which the day <paramref name="now"/> is in began on some zone's clock, UTC's included (a
    /// unit without its zone counts in UTC): no case breached "today" on its unit's clock breached before it. A lower bound
    /// for the breach indexes.
    /// </summary>
    public DateTimeOffset TodayBegan(DateTimeOffset now) =>
        OffsetMinutes.Values.Append(0).Min(minutes =>
        {
            var local = now.ToOffset(TimeSpan.FromMinutes(minutes));
            return new DateTimeOffset(local.Date, local.Offset).ToUniversalTime();
        });

    /// <summary>The instant at which <paramref name="day"/> has ended in every zone: an upper bound for an index range.</summary>
    public DateTimeOffset LatestEnd(DateOnly day) => new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(-MinOffset);
}

