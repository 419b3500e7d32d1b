namespace Dashboard.Core.Sla.Calendars;

/// <summary>
/// A unit's working calendar: its opening hours in its own time zone, closed on its country's holidays unless the
/// hours are <see cref="WorkingHours.AlwaysOpen"/>. Immutable and thread-safe; instants come back in UTC.
/// </summary>
/// <remarks>
/// <see cref="Add"/> runs for every opened case, so it walks day by day with only array lookups per day: the
/// holidays and the zone's local midnights are cached per year (see <see cref="ZoneDays"/> for how clock changes map).
/// </remarks>
public sealed class BusinessCalendar : IWorkCalendar
{
    private readonly ZoneDays _days;

    public BusinessCalendar(TimeZoneInfo zone, WorkingHours hours, HolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(holidays);
        Zone = zone;
        Hours = hours;
        Holidays = holidays;
        _days = ZoneDays.Of(zone);
    }

    public TimeZoneInfo Zone { get; }

    public WorkingHours Hours { get; }

    public HolidayCalendar Holidays { get; }

    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, TimeSpan.Zero);
        if (businessTime == TimeSpan.Zero)
        {
            return start;
        }

        if (Hours.IsAlwaysOpen)
        {
            return Utc(start.UtcTicks + businessTime.Ticks);
        }

        var cursor = start.UtcTicks;
        var remaining = businessTime.Ticks;
        for (var date = LocalDate(start); ; date = date.AddDays(1))
        {
            foreach (var (open, close) in OpenOn(date))
            {
                var from = Math.Max(cursor, _days.ToUtcTicks(date, open));
                var until = _days.ToUtcTicks(date, close);
                if (from >= until)
                {
                    continue;
                }

                if (remaining <= until - from)
                {
                    return Utc(from + remaining);
                }

                remaining -= until - from;
            }
        }
    }

    public TimeSpan Measure(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (Hours.IsAlwaysOpen)
        {
            return to - from;
        }

        long start = from.UtcTicks, end = to.UtcTicks, total = 0;
        for (var date = LocalDate(from); _days.ToUtcTicks(date, TimeSpan.Zero) < end; date = date.AddDays(1))
        {
            foreach (var (open, close) in OpenOn(date))
            {
                var a = Math.Max(start, _days.ToUtcTicks(date, open));
                var b = Math.Min(end, _days.ToUtcTicks(date, close));
                total += Math.Max(0, b - a);
            }
        }

        return new TimeSpan(total);
    }

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Local midnight as a UTC instant; on a day whose midnight the clocks skip, the instant they jump.</summary>
    public DateTimeOffset StartOfLocalDay(DateOnly date) => Utc(_days.ToUtcTicks(date, TimeSpan.Zero));

    /// <summary>
    /// Not a holiday and open that day: a business day in the legal sense. Holidays are not business days even for
    /// <see cref="WorkingHours.AlwaysOpen"/> hours, whose <see cref="Add"/> nonetheless counts through them.
    /// </summary>
    public bool IsBusinessDay(DateOnly date) => Hours.Intervals(date.DayOfWeek).Length > 0 && !Holidays.IsHoliday(date);

    /// <summary>The day's working intervals, none on a holiday; weekends closed anyway skip the holiday lookup.</summary>
    private (TimeSpan Open, TimeSpan Close)[] OpenOn(DateOnly date)
    {
        var intervals = Hours.Intervals(date.DayOfWeek);
        return intervals.Length == 0 || Holidays.IsHoliday(date) ? [] : intervals;
    }

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
