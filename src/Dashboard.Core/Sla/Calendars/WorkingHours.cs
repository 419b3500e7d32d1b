using System.Collections.ObjectModel;
using System.Globalization;

namespace Dashboard.Core.Sla.Calendars;

/// <summary>
/// Weekly opening hours in local time: each day of the week has zero or more [open, close) intervals, with close
/// up to 24:00 (the end of the day). Kept as one line of text, such as "Mon-Fri 08:00-20:00; Sat 08:00-14:00",
/// so that an administrator can edit a unit's hours in a single field.
/// </summary>
public sealed class WorkingHours
{
    // The text lists days from Monday, as schedules are written; the arrays are indexed by DayOfWeek (Sunday = 0).
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private const string Example = "write e.g. \"Mon-Fri 08:00-20:00; Sat 08:00-14:00\" or \"24x7\"";

    private readonly (TimeSpan Open, TimeSpan Close)[][] _days;
    private readonly ReadOnlyCollection<(TimeSpan Open, TimeSpan Close)>[] _views;

    private WorkingHours((TimeSpan Open, TimeSpan Close)[][] days, bool isAlwaysOpen)
    {
        _days = days;
        _views = [.. days.Select(Array.AsReadOnly)];
        IsAlwaysOpen = isAlwaysOpen;
    }

    /// <summary>Open 24x7 and through holidays too: hospitals and UMAEs, whose times run on the plain clock.</summary>
    public static WorkingHours AlwaysOpen { get; } = new([.. Enumerable.Repeat(new[] { (TimeSpan.Zero, TimeSpan.FromDays(1)) }, 7)], isAlwaysOpen: true);

    /// <summary>Monday to Friday, all day: the calendar on which legal terms in business days are counted.</summary>
    public static WorkingHours WeekdaysAllDay { get; } = Parse("Mon-Fri 00:00-24:00");

    /// <summary>True only for "24x7", the one schedule that holidays do not close.</summary>
    public bool IsAlwaysOpen { get; }

    public IReadOnlyList<(TimeSpan Open, TimeSpan Close)> On(DayOfWeek day) => _views[(int)day];

    /// <summary>The same intervals without a wrapper, for the calendar's day-by-day loop; never modified.</summary>
    internal (TimeSpan Open, TimeSpan Close)[] Intervals(DayOfWeek day) => _days[(int)day];

    /// <summary>Null when <paramref name="text"/> is a schedule <see cref="Parse"/> accepts, else what is wrong (for configuration checks).</summary>
    public static string? Problem(string text)
    {
        try
        {
            Parse(text);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// Reads "24x7", or segments separated by ';', each a list of days ("Mon-Fri", "Sat", "Mon,Wed") and a list of
    /// intervals ("08:00-14:00, 16:00-20:00"). Days not named are closed. Day names are English, in any case.
    /// </summary>
    /// <exception cref="FormatException">The text is not a schedule; the message says what is wrong and where.</exception>
    public static WorkingHours Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Equals("24x7", StringComparison.OrdinalIgnoreCase))
        {
            return AlwaysOpen;
        }

        var segments = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (segments.Length == 0)
        {
            throw Bad(text, $"there are no opening hours; {Example}");
        }

        var days = new (TimeSpan Open, TimeSpan Close)[]?[7];
        foreach (var segment in segments)
        {
            // The days run up to the first digit, so "Mon, Wed 08:00-12:00" reads as well as "Mon,Wed 08:00-12:00".
            var hours = segment.AsSpan().IndexOfAnyInRange('0', '9');
            if (hours <= 0)
            {
                throw Bad(text, $"'{segment}' needs days and then hours, e.g. \"Sat 08:00-14:00\"");
            }

            var intervals = ParseIntervals(text, segment[hours..]);
            foreach (var day in ParseDays(text, segment[..hours]))
            {
                if (days[(int)day] is not null)
                {
                    throw Bad(text, $"{DayNames[(int)day]} is given more than once");
                }

                days[(int)day] = intervals;
            }
        }

        return new WorkingHours([.. days.Select(d => d ?? [])], isAlwaysOpen: false);
    }

    /// <summary>The text <see cref="Parse"/> reads back: consecutive days with the same hours share one segment.</summary>
    public override string ToString()
    {
        if (IsAlwaysOpen)
        {
            return "24x7";
        }

        var segments = new List<string>();
        for (var first = 0; first < Week.Length;)
        {
            var intervals = _days[(int)Week[first]];
            var last = first;
            while (last + 1 < Week.Length && _days[(int)Week[last + 1]].AsSpan().SequenceEqual(intervals))
            {
                last++;
            }

            if (intervals.Length > 0)
            {
                var days = first == last ? DayNames[(int)Week[first]] : $"{DayNames[(int)Week[first]]}-{DayNames[(int)Week[last]]}";
                segments.Add($"{days} {string.Join(", ", intervals.Select(i => $"{Format(i.Open)}-{Format(i.Close)}"))}");
            }

            first = last + 1;
        }

        return string.Join("; ", segments);
    }

    private static List<DayOfWeek> ParseDays(string text, string token)
    {
        var days = new List<DayOfWeek>();
        foreach (var item in token.Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = item.IndexOf('-', StringComparison.Ordinal);
            var from = WeekIndex(text, dash < 0 ? item : item[..dash].TrimEnd());
            var to = dash < 0 ? from : WeekIndex(text, item[(dash + 1)..].TrimStart());
            if (to < from)
            {
                throw Bad(text, $"'{item}' runs backwards; weeks run from Mon to Sun, so split it, e.g. \"Sat-Sun,Mon\"");
            }

            for (var i = from; i <= to; i++)
            {
                days.Add(Week[i]);
            }
        }

        return days;
    }

    private static int WeekIndex(string text, string name)
    {
        var index = Array.FindIndex(Week, d => DayNames[(int)d].Equals(name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw Bad(text, $"'{name}' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun");
    }

    private static (TimeSpan Open, TimeSpan Close)[] ParseIntervals(string text, string token)
    {
        var intervals = new List<(TimeSpan Open, TimeSpan Close)>();
        foreach (var item in token.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = item.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw Bad(text, $"'{item}' is not an interval; write it as HH:mm-HH:mm, e.g. \"08:00-14:00\"");
            }

            var (open, close) = (ParseTime(text, parts[0]), ParseTime(text, parts[1]));
            if (close <= open)
            {
                throw Bad(text, $"'{item}' does not close after it opens; an interval cannot cross midnight, so end it at 24:00 and go on the next day from 00:00");
            }

            intervals.Add((open, close));
        }

        intervals.Sort();
        for (var i = 1; i < intervals.Count; i++)
        {
            if (intervals[i].Open < intervals[i - 1].Close)
            {
                throw Bad(text, $"intervals {Format(intervals[i - 1].Open)}-{Format(intervals[i - 1].Close)} and {Format(intervals[i].Open)}-{Format(intervals[i].Close)} overlap");
            }

            // Touching intervals are one opening.
            if (intervals[i].Open == intervals[i - 1].Close)
            {
                intervals[i - 1] = (intervals[i - 1].Open, intervals[i].Close);
                intervals.RemoveAt(i--);
            }
        }

        return [.. intervals];
    }

    private static TimeSpan ParseTime(string text, string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon is 1 or 2 && value.Length == colon + 3 && value.All(c => c == ':' || char.IsAsciiDigit(c)))
        {
            var hours = int.Parse(value.AsSpan(0, colon), CultureInfo.InvariantCulture);
            var minutes = int.Parse(value.AsSpan(colon + 1), CultureInfo.InvariantCulture);
            if ((hours < 24 && minutes < 60) || (hours == 24 && minutes == 0))
            {
                return new TimeSpan(hours, minutes, 0);
            }
        }

        throw Bad(text, $"'{value}' is not a time of day; use HH:mm from 00:00 to 24:00");
    }

    private static string Format(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}");

    private static FormatException Bad(string text, string problem) => new($"Working hours \"{text}\": {problem}.");
}
