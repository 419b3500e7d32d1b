namespace Dashboard.Core.Indicators;

/// <summary>The periods an indicator is counted in: ISO weeks (Monday first), months, bimesters (Jan–Feb, Mar–Apr…), quarters.</summary>
public enum Period
{
    Week,
    Month,
    Bimester,
    Quarter,
}

/// <summary>One period of a series: its first and last day (on the units' clocks) and its count.</summary>
public sealed record PeriodCount(DateOnly Start, DateOnly End, int Count);

/// <summary>Period arithmetic and the bucketing of daily counts into periods, with the periods without any count as zero.</summary>
public static class Periods
{
    /// <summary>The first day of the period holding <paramref name="day"/>.</summary>
    public static DateOnly StartOf(Period period, DateOnly day) => period switch
    {
        Period.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        Period.Month => new DateOnly(day.Year, day.Month, 1),
        Period.Bimester => new DateOnly(day.Year, day.Month - (day.Month - 1) % 2, 1),
        Period.Quarter => new DateOnly(day.Year, day.Month - (day.Month - 1) % 3, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    /// <summary>The first day of the period after the one starting at <paramref name="start"/>.</summary>
    public static DateOnly Next(Period period, DateOnly start) => period switch
    {
        Period.Week => start.AddDays(7),
        Period.Month => start.AddMonths(1),
        Period.Bimester => start.AddMonths(2),
        Period.Quarter => start.AddMonths(3),
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    /// <summary>
    /// The last whole period before <paramref name="today"/>'s own: a period still under way would read as a fall in
    /// complaints (half a month has half the cases), so a chart ends with the period just completed.
    /// </summary>
    public static DateOnly LastCompleteStart(Period period, DateOnly today)
    {
        var current = StartOf(period, today);
        return period switch
        {
            Period.Week => current.AddDays(-7),
            Period.Month => current.AddMonths(-1),
            Period.Bimester => current.AddMonths(-2),
            _ => current.AddMonths(-3),
        };
    }

    /// <summary>The periods <paramref name="first"/> through <paramref name="last"/> (any day of each), every one listed.</summary>
    public static IReadOnlyList<PeriodCount> Bucket(Period period, DateOnly first, DateOnly last, IEnumerable<(DateOnly Day, int Count)> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var starts = new List<DateOnly>();
        for (var start = StartOf(period, first); start <= last; start = Next(period, start))
        {
            starts.Add(start);
        }

        var counts = new int[starts.Count];
        foreach (var (day, count) in days)
        {
            var index = starts.BinarySearch(StartOf(period, day));
            if (index >= 0)
            {
                counts[index] += count;
            }
        }

        return starts.Select((s, i) => new PeriodCount(s, Next(period, s).AddDays(-1), counts[i])).ToArray();
    }
}
