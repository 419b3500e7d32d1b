namespace Dashboard.Core.Sla.Calendars;

/// <summary>
/// A holiday as a profile's <c>holidays.json</c> writes it: a fixed date (<see cref="Month"/> and <see cref="Day"/>), the
/// <see cref="Nth"/> <see cref="Weekday"/> of a month (−1 for the last), or so many days from Easter Sunday
/// (<see cref="Easter"/>: −3 is Holy Thursday); kept from <see cref="FromYear"/> to <see cref="UntilYear"/>, every
/// <see cref="EveryYears"/> years counted from <see cref="FromYear"/> (Mexico's change of federal executive, every six).
/// </summary>
public sealed record HolidayRule(string Name)
{
    public int? Month { get; init; }

    public int? Day { get; init; }

    public DayOfWeek? Weekday { get; init; }

    public int? Nth { get; init; }

    public int? Easter { get; init; }

    public int? FromYear { get; init; }

    public int? UntilYear { get; init; }

    public int? EveryYears { get; init; }

    /// <summary>The day this rule gives in <paramref name="year"/>, or null when it does not apply that year.</summary>
    public DateOnly? In(int year)
    {
        if (year < FromYear || year > UntilYear || (EveryYears is { } every && (year - (FromYear ?? 0)) % every != 0))
        {
            return null;
        }

        if (Easter is { } offset)
        {
            return Calendars.Easter.Sunday(year).AddDays(offset);
        }

        if (Weekday is { } weekday && Nth is { } nth && Month is { } month)
        {
            if (nth > 0)
            {
                var first = new DateOnly(year, month, 1);
                return first.AddDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (nth - 1)));
            }

            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
        }

        // 29 February is kept only in leap years.
        return Month is { } m && Day is { } d && d <= DateTime.DaysInMonth(year, m) ? new DateOnly(year, m, d) : null;
    }

    /// <summary>Null when the rule says one day in a way <see cref="In"/> can work out, else what is wrong.</summary>
    public string? Problem()
    {
        var fixedDate = Month is not null && Day is not null && Weekday is null && Nth is null && Easter is null;
        var nthWeekday = Month is not null && Weekday is not null && Nth is not null && Day is null && Easter is null;
        var easter = Easter is not null && Month is null && Day is null && Weekday is null && Nth is null;
        return string.IsNullOrWhiteSpace(Name) ? "name is required"
            : !(fixedDate ^ nthWeekday ^ easter) || (fixedDate && nthWeekday) ? "give month and day, or month, weekday and nth, or easter (days from Easter Sunday)"
            : Month is < 1 or > 12 ? "month must be 1–12"
            : Day is < 1 or > 31 || (Month is { } m && Day is { } d && d > DateTime.DaysInMonth(2024, m)) ? "day is not a day of that month"
            : Nth is 0 or < -1 or > 5 ? "nth must be 1–5, or -1 for the last"
            : Easter is < -70 or > 70 ? "easter must be within 70 days of Easter Sunday"
            : EveryYears is < 1 ? "everyYears must be positive"
            : EveryYears is not null && FromYear is null ? "everyYears needs fromYear, the first year it applies"
            : UntilYear < FromYear ? "untilYear is before fromYear"
            : null;
    }
}
