using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Dashboard.Core.Sla.Calendars;

/// <summary>
/// The UTC instants of a zone's local midnights, worked out a year at a time and shared by every calendar in the
/// zone, so that turning a local opening time into UTC is one addition on all but the few days with a clock change.
/// </summary>
/// <remarks>
/// A local time maps to the first instant at which the zone's clock reads that time or later. So a time skipped when
/// clocks spring forward maps to the moment they jump, and a time repeated when they fall back maps to its first
/// occurrence. The mapping never runs backwards, so no interval turns negative and midnight maps to the first
/// instant of its day.
/// </remarks>
internal sealed class ZoneDays
{
    private static readonly ConditionalWeakTable<TimeZoneInfo, ZoneDays> Zones = [];

    private readonly TimeZoneInfo _zone;
    private readonly ConcurrentDictionary<int, Midnights> _years = new();

    // The year asked about last: a calendar's loop walks through the days of one year at a time.
    private Midnights? _last;

    private ZoneDays(TimeZoneInfo zone) => _zone = zone;

    public static ZoneDays Of(TimeZoneInfo zone) => Zones.GetValue(zone, static z => new ZoneDays(z));

    /// <summary>The instant, as UTC ticks, at which local <paramref name="date"/> reaches <paramref name="timeOfDay"/> (0 to 24 hours).</summary>
    public long ToUtcTicks(DateOnly date, TimeSpan timeOfDay)
    {
        var starts = Year(date.Year).Starts;
        var start = starts[date.DayOfYear - 1];
        var end = starts[date.DayOfYear];
        // A day of exactly 24 hours had no clock change, so its times are plain offsets from its midnight.
        if (end - start == TimeSpan.TicksPerDay || timeOfDay.Ticks == 0)
        {
            return start + timeOfDay.Ticks;
        }

        return timeOfDay.Ticks == TimeSpan.TicksPerDay ? end : ToUtcTicks(_zone, date.ToDateTime(TimeOnly.MinValue) + timeOfDay);
    }

    private Midnights Year(int year)
    {
        var last = Volatile.Read(ref _last);
        if (last?.Year == year)
        {
            return last;
        }

        var found = _years.GetOrAdd(year, static (y, zone) => Midnights.Of(zone, y), _zone);
        Volatile.Write(ref _last, found);
        return found;
    }

    private static long ToUtcTicks(TimeZoneInfo zone, DateTime local)
    {
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the one in force before the clocks fell back: the first occurrence.
            return (local - zone.GetAmbiguousTimeOffsets(local).Max()).Ticks;
        }

        return zone.IsInvalidTime(local) ? JumpInto(zone, local) : (local - zone.GetUtcOffset(local)).Ticks;
    }

    /// <summary>The instant the clocks sprang forward over <paramref name="local"/>, found by bisection (rare: a few times a year at most).</summary>
    private static long JumpInto(TimeZoneInfo zone, DateTime local)
    {
        // Clock changes are months apart, so a day either side is on the old and on the new offset.
        var before = zone.GetUtcOffset(local.AddDays(-1));
        var after = zone.GetUtcOffset(local.AddDays(1));
        long early = (local - after).Ticks, late = (local - before).Ticks;
        while (late - early > 1)
        {
            var middle = early + ((late - early) / 2);
            var utc = new DateTime(middle, DateTimeKind.Utc);
            if ((utc + zone.GetUtcOffset(utc)).Ticks >= local.Ticks)
            {
                late = middle;
            }
            else
            {
                early = middle;
            }
        }

        return late;
    }

    /// <summary>Local midnights of one year as UTC ticks: index <c>d - 1</c> is day of year <c>d</c>, the last one is 1 January of the next year.</summary>
    private sealed record Midnights(int Year, long[] Starts)
    {
        public static Midnights Of(TimeZoneInfo zone, int year)
        {
            var first = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
            var starts = new long[(DateTime.IsLeapYear(year) ? 366 : 365) + 1];
            starts[0] = ToUtcTicks(zone, first);
            var offset = first.Ticks - starts[0];
            for (var i = 1; i < starts.Length; i++)
            {
                // Nearly every midnight keeps the offset of the one before, and checking that from UTC is several times
                // cheaper than the full local conversion. If it holds, no clock change came between, so this is the
                // first instant that reads midnight.
                var midnight = first.AddDays(i);
                var guess = midnight.Ticks - offset;
                starts[i] = zone.GetUtcOffset(new DateTime(guess, DateTimeKind.Utc)).Ticks == offset ? guess : ToUtcTicks(zone, midnight);
                offset = midnight.Ticks - starts[i];
            }

            return new Midnights(year, starts);
        }
    }
}
